namespace Realtime.Grains.Complaints;

/// <summary>A complaint's customer name and phone as received (personal data: masked everywhere else).</summary>
/// <param name="Name">The name, unmasked.</param>
/// <param name="Phone">The phone, unmasked.</param>
public sealed record CustomerContact(string? Name, string? Phone);
