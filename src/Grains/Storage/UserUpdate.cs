namespace Campaigns.Storage;

/// <summary>How a change to a user went.</summary>
public enum UserUpdate
{
    Updated,
    NotFound,

    /// <summary>Refused: no active admin would be left.</summary>
    LastAdmin,
}
