namespace Realtime.Grains.Teams;

/// <summary>The registry of teams on the floor (key <see cref="Key"/>): the team grains register on their first event.</summary>
public interface IFloorGrain : IGrainWithStringKey
{
    /// <summary>The one key of the floor grain.</summary>
    const string Key = "floor";

    /// <summary>Adds <paramref name="teamId"/> to the floor (idempotent).</summary>
    Task RegisterTeamAsync(string teamId);

    /// <summary>Every team on the floor, sorted.</summary>
    Task<IReadOnlyList<string>> GetTeamIdsAsync();
}
