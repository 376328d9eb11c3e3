using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;

namespace Realtime.Grains.Serialization;

/// <summary>
/// How what crosses a grain call is serialized: our types (the domain's events and views, the grain layer's results)
/// as System.Text.Json with the grains' own options, so the domain needs no Orleans attributes; copied by reference
/// inside a silo (<see cref="ImmutableMessageCopier"/>).
/// </summary>
public static class RealtimeSerialization
{
    /// <summary>Whether <paramref name="type"/> is one of our messages (a type of a <c>Realtime.*</c> namespace that is not a grain interface).</summary>
    public static bool IsMessageType(Type type) =>
        type.Namespace?.StartsWith("Realtime.", StringComparison.Ordinal) == true
        && !typeof(IAddressable).IsAssignableFrom(type);

    /// <summary>Registers the JSON codec and the by-reference copier for our messages.</summary>
    public static ISerializerBuilder AddRealtimeMessages(this ISerializerBuilder serializer)
    {
        serializer.Services.AddSingleton<IGeneralizedCopier, ImmutableMessageCopier>();
        return serializer.AddJsonSerializer(IsMessageType, static _ => false, options => options.Configure(o => o.SerializerOptions = GrainJson.Options));
    }
}
