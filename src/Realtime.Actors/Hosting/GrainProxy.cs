using System.Collections.Concurrent;
using System.Reflection;

namespace Realtime.Actors.Hosting;

/// <summary>
/// A grain reference: an interface proxy whose every call becomes a message in the target activation's mailbox
/// (Orleans generates these at build time; we make them at run time with <see cref="DispatchProxy"/>).
/// </summary>
public class GrainProxy : DispatchProxy
{
    private static readonly ConcurrentDictionary<MethodInfo, Func<GrainProxy, MethodInfo, object?[]?, object>> Dispatchers = new();
    private static readonly MethodInfo SendTypedMethod = typeof(GrainProxy).GetMethod(nameof(SendTyped), BindingFlags.NonPublic | BindingFlags.Static)!;

    private GrainId _id;
    private Catalog _catalog = null!;

    internal void Bind(GrainId id, Catalog catalog)
    {
        _id = id;
        _catalog = catalog;
    }

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        return Dispatchers.GetOrAdd(targetMethod, CreateDispatcher)(this, targetMethod, args);
    }

    /// <summary>A reference prints as the grain it points to.</summary>
    public override string ToString() => _id.ToString();

    private static Func<GrainProxy, MethodInfo, object?[]?, object> CreateDispatcher(MethodInfo method)
    {
        if (method.ReturnType == typeof(Task)) return SendUntyped;
        if (method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            return SendTypedMethod.MakeGenericMethod(method.ReturnType.GetGenericArguments()[0])
                .CreateDelegate<Func<GrainProxy, MethodInfo, object?[]?, object>>();
        }
        throw new NotSupportedException($"Grain method {method.DeclaringType?.Name}.{method.Name} must return Task or Task<T>.");
    }

    private static object SendUntyped(GrainProxy proxy, MethodInfo method, object?[]? args)
    {
        var item = new CallWorkItem(grain => (Task)method.Invoke(grain, BindingFlags.DoNotWrapExceptions, null, args, null)!);
        proxy._catalog.Send(proxy._id, item);
        return item.Completion;
    }

    private static object SendTyped<TResult>(GrainProxy proxy, MethodInfo method, object?[]? args)
    {
        var item = new CallWorkItem<TResult>(grain => (Task<TResult>)method.Invoke(grain, BindingFlags.DoNotWrapExceptions, null, args, null)!);
        proxy._catalog.Send(proxy._id, item);
        return item.Completion;
    }
}
