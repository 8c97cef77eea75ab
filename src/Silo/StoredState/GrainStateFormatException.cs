
namespace Campaigns.Silo.StoredState;

/// <summary>A stored grain state row that no known format reads; the message says why, never what the row holds.</summary>
public sealed class GrainStateFormatException(string message, Exception? inner = null) : Exception(message, inner);
