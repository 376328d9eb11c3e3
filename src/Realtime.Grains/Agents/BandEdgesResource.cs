using Realtime.Domain.Scorecards;

namespace Realtime.Grains.Agents;

/// <summary>An indicator's band edges on the wire (see <see cref="BandEdges"/>: on an edge, higher-is-better values take the better band).</summary>
public sealed record BandEdgesResource(double Excellent, double Good, double Pass, bool ExcellentInclusive);
