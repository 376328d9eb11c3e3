namespace Realtime.Dashboards.Tests;

/// <summary>Browser tests run one at a time: countdown and 2-second visibility checks must not compete for CPU.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DashboardCollection : ICollectionFixture<HeadlessChromium>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Dashboards in Chromium";
}
