using Campaigns.Silo.StoredState;
using Campaigns.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Campaigns.Tests.StoredState;

/// <summary>The upgrade pass on its own: a legacy row it cannot read is left as it is and the others are upgraded.</summary>
public sealed class LegacyStateUpgradeTests(PostgresFixture postgres)
{
    [Fact]
    public async Task An_unreadable_legacy_row_is_left_alone_and_the_rest_upgraded_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var legacy = await LegacyDatabase.Restore(postgres.ConnectionString, ct);
        // Legacy JSON cut short: its first byte says legacy, nothing can read the rest.
        await legacy.Scalar<int>(
            "UPDATE orleansstorage SET payloadbinary = convert_to('{\"Name\": \"cut', 'UTF8') WHERE graintypestring = 'abtest'");
        var upgrade = new LegacyStateUpgrade(legacy.ConnectionString, StateSerializers.Orleans, NullLogger<LegacyStateUpgrade>.Instance);

        var first = await upgrade.Run(ct);
        var second = await upgrade.Run(ct);

        Assert.Equal(new LegacyStateUpgradeResult(Upgraded: 12, Unreadable: 1, Unknown: 0), first);
        Assert.Equal(new LegacyStateUpgradeResult(Upgraded: 0, Unreadable: 1, Unknown: 0), second);
        Assert.Equal("{\"Name\": \"cut", await legacy.Scalar<string>("SELECT convert_from(payloadbinary, 'UTF8') FROM orleansstorage WHERE graintypestring = 'abtest'"));
        Assert.Equal(12L, await legacy.Scalar<long>("SELECT count(*) FROM orleansstorage WHERE get_byte(payloadbinary, 0) = 1"));
        Assert.Equal(1, await legacy.Scalar<int>("SELECT min(version) FROM orleansstorage WHERE graintypestring = 'abtest'"));
    }
}
