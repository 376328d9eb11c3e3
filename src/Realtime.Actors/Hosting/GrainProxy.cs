using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace Realtime.Actors.Hosting;

/// <summary>
/// A grain reference: an interface proxy whose every call becomes a message in the target activation's mailbox
/// (Orleans generates these at build time; we make them at run time with <see cref="DispatchProxy"/>).
/// </summary>
public class GrainProxy : DispatchProxy
{
    private static readonly ConcurrentDictionary<MethodInfo, Func<GrainProxy, object?[]?, object>> Dispatchers = new();
    private static readonly MethodInfo SendTypedMethod = typeof(GrainProxy).GetMethod(nameof(SendTyped), BindingFlags.NonPublic | BindingFlags.Static)!;

    private GrainId _id;
    private Catalog _catalog = null!;

    /// <summary>A reference of <typeparamref name="TGrainInterface"/> to <paramref name="id"/>.</summary>
    internal static TGrainInterface For<TGrainInterface>(GrainId id, Catalog catalog) where TGrainInterface : IGrainWithStringKey
    {
        var proxy = ProxyPrototype<TGrainInterface>.New();
        ((GrainProxy)(object)proxy).Bind(id, catalog);
        return proxy;
    }

    internal void Bind(GrainId id, Catalog catalog)
    {
        _id = id;
        _catalog = catalog;
    }

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        return Dispatchers.GetOrAdd(targetMethod, CreateDispatcher)(this, args);
    }

    /// <summary>A reference prints as the grain it points to.</summary>
    public override string ToString() => _id.ToString();

    /// <summary>
    /// Builds, once per interface method, a dispatcher that queues the call with a compiled invoker
    /// (a direct interface call, not <see cref="MethodBase.Invoke(object, object[])"/> per turn).
    /// </summary>
    private static Func<GrainProxy, object?[]?, object> CreateDispatcher(MethodInfo method)
    {
        if (method.ReturnType == typeof(Task))
        {
            var invoke = CompileInvoker<Task>(method);
            return (proxy, args) => proxy.Send(new CallWorkItem(invoke, args));
        }
        if (method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            return (Func<GrainProxy, object?[]?, object>)SendTypedMethod.MakeGenericMethod(method.ReturnType.GetGenericArguments()[0])
                .Invoke(null, [method])!;
        }
        throw new NotSupportedException($"Grain method {method.DeclaringType?.Name}.{method.Name} must return Task or Task<T>.");
    }

    private static Func<GrainProxy, object?[]?, object> SendTyped<TResult>(MethodInfo method)
    {
        var invoke = CompileInvoker<Task<TResult>>(method);
        return (proxy, args) => proxy.Send(new CallWorkItem<TResult>(invoke, args));
    }

    private Task Send(CallWorkItem item)
    {
        _catalog.Send(_id, item);
        return item.Task;
    }

    private Task<TResult> Send<TResult>(CallWorkItem<TResult> item)
    {
        _catalog.Send(_id, item);
        return item.Task;
    }

    /// <summary><c>(grain, args) =&gt; ((TInterface)grain).Method((T0)args[0], …)</c>.</summary>
    private static Func<Grain, object?[]?, TTask> CompileInvoker<TTask>(MethodInfo method)
    {
        var grain = Expression.Parameter(typeof(Grain), "grain");
        var args = Expression.Parameter(typeof(object[]), "args");
        var arguments = method.GetParameters().Select((parameter, i) =>
        {
            if (parameter.ParameterType.IsByRef)
                throw new NotSupportedException($"Grain method {method.DeclaringType?.Name}.{method.Name} cannot take ref or out parameters.");
            return (Expression)Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), parameter.ParameterType);
        });
        var call = Expression.Call(Expression.Convert(grain, method.DeclaringType!), method, arguments);
        return Expression.Lambda<Func<Grain, object?[]?, TTask>>(call, grain, args).Compile();
    }

    /// <summary>
    /// One proxy per interface to copy: <see cref="DispatchProxy.Create{T, TProxy}"/> finds the generated type and constructs
    /// it by reflection on every call, and every complaint turn takes two or three references (its team, its agent), which
    /// put reflection among the top costs of ingest. A shallow copy of a prototype is the same object, made in nanoseconds
    /// (the generated type's constructor is not public API; copying needs nothing of it).
    /// </summary>
    private static class ProxyPrototype<TGrainInterface> where TGrainInterface : IGrainWithStringKey
    {
        private static readonly GrainProxy Prototype = (GrainProxy)(object)DispatchProxy.Create<TGrainInterface, GrainProxy>()!;

        public static TGrainInterface New() => (TGrainInterface)Prototype.MemberwiseClone();
    }
}
