using Orleans.Serialization.Cloning;
using Orleans.Serialization.Serializers;

namespace Realtime.Grains.Serialization;

/// <summary>
/// Passes our own messages (events, views, scorecards, facts) by reference on calls inside a silo instead of deep-copying
/// them: they are never mutated after they are sent (the grains build new ones each turn), and a copy through JSON per
/// call would cost more than the turn itself. Between silos they are serialized as JSON (<see cref="RealtimeSerialization"/>).
/// </summary>
internal sealed class ImmutableMessageCopier : IGeneralizedCopier, IOptionalDeepCopier
{
    /// <inheritdoc />
    public object? DeepCopy(object? input, CopyContext context) => input;

    /// <inheritdoc />
    public bool IsSupportedType(Type type) => RealtimeSerialization.IsMessageType(type);

    /// <inheritdoc />
    public bool IsShallowCopyable() => true;
}
