namespace Realtime.Server.Demo;

/// <summary>What arrives on the simulated floor: an everyday complaint, a complex one, a service or a claim.</summary>
internal enum DemoArrival
{
    Complaint,
    ComplexComplaint,
    Service,
    Claim,
}

/// <summary>
/// Poisson arrivals of the four streams at fixed rates, merged in time order: each stream draws its next instant from an
/// exponential gap, so how often the clock is read (a tick a second, or one jump over hours of history) does not change
/// how many arrive.
/// </summary>
internal sealed class DemoArrivals
{
    private readonly Random _random;
    private readonly double[] _perSecond;
    private readonly DateTimeOffset[] _next;

    /// <summary>Arrivals from <paramref name="from"/> at the given rates per second (0: none).</summary>
    public DemoArrivals(Random random, DateTimeOffset from, double complaintsPerSecond, double complexPerSecond, double servicesPerSecond, double claimsPerSecond)
    {
        _random = random;
        _perSecond = [complaintsPerSecond, complexPerSecond, servicesPerSecond, claimsPerSecond];
        _next = [.. _perSecond.Select(rate => Gap(from, rate))];
    }

    /// <summary>Every arrival up to and including <paramref name="until"/>, in time order.</summary>
    public IEnumerable<(DemoArrival Kind, DateTimeOffset At)> Until(DateTimeOffset until)
    {
        while (true)
        {
            var first = 0;
            for (var i = 1; i < _next.Length; i++)
            {
                if (_next[i] < _next[first]) first = i;
            }

            var at = _next[first];
            if (at > until) yield break;
            _next[first] = Gap(at, _perSecond[first]);
            yield return ((DemoArrival)first, at);
        }
    }

    private DateTimeOffset Gap(DateTimeOffset from, double perSecond) =>
        perSecond <= 0 ? DateTimeOffset.MaxValue : from + TimeSpan.FromSeconds(-Math.Log(1 - _random.NextDouble()) / perSecond);
}
