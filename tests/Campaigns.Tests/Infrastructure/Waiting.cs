
namespace Campaigns.Tests.Infrastructure;

/// <summary>Waiting for what a silo does in the background, by polling rather than sleeping a fixed time.</summary>
public static class Waiting
{
    /// <summary>Polls until <paramref name="reached"/> holds, failing with <paramref name="what"/> after <paramref name="deadline"/>.</summary>
    public static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> reached, string what, TimeSpan deadline)
    {
        var until = DateTimeOffset.UtcNow + deadline;
        while (true)
        {
            var value = await read();
            if (reached(value))
            {
                return value;
            }

            Assert.True(DateTimeOffset.UtcNow < until, $"Timed out after {deadline} waiting for {what}; last seen: {value}");
            await Task.Delay(TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken);
        }
    }
}
