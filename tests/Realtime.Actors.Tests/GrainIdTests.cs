namespace Realtime.Actors.Tests;

/// <summary>Grain ids key every registry of the host; their stored hash must agree with their equality.</summary>
public sealed class GrainIdTests
{
    [Fact]
    public void Ids_built_from_different_string_instances_are_one_key()
    {
        var a = new GrainId("agent", "A" + 42);
        var b = new GrainId(new string("agent".ToCharArray()), string.Concat("A", "42"));
        var registry = new Dictionary<GrainId, int> { [a] = 1 };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(1, registry[b]);
    }

    [Fact]
    public void Type_and_key_both_tell_ids_apart()
    {
        var id = new GrainId("agent", "A1");

        Assert.NotEqual(id, new GrainId("team", "A1"));
        Assert.NotEqual(id, new GrainId("agent", "a1"));
        Assert.Equal("agent/A1", id.ToString());
    }
}
