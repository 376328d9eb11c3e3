using Microsoft.Extensions.DependencyInjection;

namespace Realtime.Actors.Hosting;

/// <summary>How to create the implementation of one grain interface, and the type name that goes into its <see cref="GrainId"/>.</summary>
/// <param name="GrainType">The type part of the identity, e.g. <c>complaint</c>.</param>
/// <param name="Interface">The grain interface callers use.</param>
/// <param name="Implementation">The <see cref="Grain"/> subclass; constructed per activation with dependency injection.</param>
public sealed record GrainRegistration(string GrainType, Type Interface, Type Implementation)
{
    private ObjectFactory? _factory;

    internal Grain Create(IServiceProvider services)
    {
        _factory ??= ActivatorUtilities.CreateFactory(Implementation, []);
        return (Grain)_factory(services, null);
    }
}
