using Campaigns.StoredState;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;
using Orleans.Serialization;

namespace Campaigns.Tests.StoredState;

/// <summary>The exception crosses from a silo to the API host (and between silos), so Orleans must carry its fields.</summary>
public sealed class UnreadableStateExceptionTests
{
    [Fact]
    public void It_survives_serialization_as_the_runtime_sends_it()
    {
        var serializer = Tests.StoredState.StateSerializers.Orleans;
        var failure = new UnreadableStateException("campaign", "campaign/0190a1b2c3d47e5f8a9b0c1d2e3f4a5b", "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", "SerializerException: bad bytes");

        var copy = Assert.IsType<UnreadableStateException>(serializer.Deserialize<Exception>(serializer.SerializeToArray<Exception>(failure)));

        Assert.Equal((failure.StateName, failure.GrainId, failure.GrainKey, failure.Reason, failure.Message),
            (copy.StateName, copy.GrainId, copy.GrainKey, copy.Reason, copy.Message));
    }

    [Fact]
    public void It_survives_the_copy_made_for_a_call_inside_one_process()
    {
        var copier = Tests.StoredState.StateSerializers.Copier;
        var failure = new UnreadableStateException("abtest", "abtest/x", "key", "reason");

        var copy = Assert.IsType<UnreadableStateException>(copier.Copy<Exception>(failure));

        Assert.Equal((failure.StateName, failure.GrainId, failure.GrainKey, failure.Reason), (copy.StateName, copy.GrainId, copy.GrainKey, copy.Reason));
    }
}
