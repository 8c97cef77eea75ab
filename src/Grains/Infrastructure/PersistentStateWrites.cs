namespace Campaigns.Infrastructure;

/// <summary>The one way grains write their state.</summary>
public static class PersistentStateWrites
{
    /// <summary>
    /// Writes the state; when the write fails, reloads what storage holds before rethrowing, so the grain's memory never
    /// runs ahead of the database (a caller that saw the failure must not see the change on its next read).
    /// </summary>
    public static async Task WriteOrReload<T>(this IPersistentState<T> state)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            await state.ReadStateAsync();
            throw;
        }
    }
}
