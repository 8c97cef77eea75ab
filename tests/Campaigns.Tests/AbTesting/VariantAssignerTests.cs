using Campaigns.AbTesting;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.AbTesting;

public sealed class VariantAssignerTests
{
    private static readonly Guid TestId = Guid.Parse("0193a5b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b");

    [Theory]
    // python3: h = hashlib.sha256(uuid.UUID(test).bytes + subject.encode()).digest(); (int.from_bytes(h[:8], 'big') >> 11) / 2**53
    [InlineData("user-42", 0.8260352653199985)]
    [InlineData("visitor-7", 0.13466906942728119)]
    [InlineData("ü-subject", 0.13626447480338344)]
    public void The_point_is_a_stable_hash_any_platform_can_reproduce(string subject, double expected) =>
        Assert.Equal(expected, VariantAssigner.Point(TestId, subject));

    [Fact]
    public void Assignment_follows_the_weights_and_is_sticky()
    {
        double[] weights = [1, 3];
        var counts = new int[2];
        for (var i = 0; i < 40_000; i++)
        {
            counts[VariantAssigner.Pick(TestId, $"subject-{i}", weights)]++;
        }

        // 25 % ± 1 point: about five standard deviations of a binomial(40 000, 0.25).
        Assert.InRange(counts[0] / 40_000.0, 0.24, 0.26);
        Assert.Equal(1, VariantAssigner.Pick(TestId, "user-42", weights)); // point 0.826 ≥ 0.25
        Assert.Equal(0, VariantAssigner.Pick(TestId, "visitor-7", weights)); // point 0.135 < 0.25
        Assert.Equal(VariantAssigner.Pick(TestId, "someone", weights), VariantAssigner.Pick(TestId, "someone", weights));
    }

    [Fact]
    public void A_long_subject_id_is_hashed_too() =>
        Assert.InRange(VariantAssigner.Point(TestId, new string('x', 5_000)), 0.0, 1.0);
}
