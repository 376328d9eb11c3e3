namespace Realtime.Grains.Agents;

/// <summary>A label in the two languages of the dashboards.</summary>
/// <param name="Zh">Chinese.</param>
/// <param name="En">English.</param>
public sealed record LabelResource(string Zh, string En);
