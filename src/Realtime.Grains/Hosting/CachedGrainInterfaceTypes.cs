using System.Collections.Concurrent;
using Orleans.Metadata;
using Orleans.Serialization.TypeSystem;

namespace Realtime.Grains.Hosting;

/// <summary>
/// Remembers the <see cref="GrainInterfaceType"/> of each non-generic grain interface. Orleans works it out again on
/// every <c>GetGrain</c> (reading the interface's attributes, then formatting and parsing its type name), which was
/// about a twentieth of what the mixed stream allocated; the router and the complaint grains call <c>GetGrain</c> for
/// every grain they reach. Consulted before Orleans' own providers and answering exactly as they would.
/// </summary>
internal sealed class CachedGrainInterfaceTypes(IServiceProvider services, TypeConverter typeConverter) : IGrainInterfaceTypeProvider
{
    private readonly ConcurrentDictionary<Type, GrainInterfaceType> _known = new();

    public bool TryGetGrainInterfaceType(Type type, out GrainInterfaceType grainInterfaceType)
    {
        // Generic interfaces get their type arguments appended by Orleans after the providers answer: left to it.
        if (type.IsGenericType)
        {
            grainInterfaceType = default;
            return false;
        }
        if (!_known.TryGetValue(type, out grainInterfaceType)) grainInterfaceType = _known.GetOrAdd(type, Resolve(type));
        return true;
    }

    private GrainInterfaceType Resolve(Type type)
    {
        foreach (var attribute in type.GetCustomAttributes(inherit: false))
        {
            if (attribute is IGrainInterfaceTypeProviderAttribute provider) return provider.GetGrainInterfaceType(services, type);
        }
        // Orleans' convention (GrainInterfaceTypeResolver.GetGrainInterfaceTypeByConvention): the type name without its assembly.
        return GrainInterfaceType.Create(typeConverter.Format(type, static spec => spec is AssemblyQualifiedTypeSpec qualified ? qualified.Type : spec));
    }
}
