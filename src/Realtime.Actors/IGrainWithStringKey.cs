namespace Realtime.Actors;

/// <summary>Marker for a grain interface whose identity is a string key (Orleans' <c>IGrainWithStringKey</c>).</summary>
/// <remarks>Every method of a grain interface returns <see cref="Task"/> or <see cref="Task{TResult}"/>: a call is a message to the activation's mailbox.</remarks>
public interface IGrainWithStringKey;

/// <summary>Resolves grain references (Orleans' <c>IGrainFactory</c>). A reference is cheap, stateless and valid forever; the grain is activated on its first call.</summary>
public interface IGrainFactory
{
    /// <summary>A reference to the grain of interface <typeparamref name="TGrainInterface"/> with <paramref name="key"/>.</summary>
    TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey;
}
