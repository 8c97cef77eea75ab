using Npgsql;

namespace Campaigns.Outreach;

/// <summary>The campaign's funnel: counts over <c>outreach_participants</c> and <c>outreach_sends</c>, read in one snapshot.</summary>
public sealed partial class OutreachParticipantRepository
{
    /// <summary>
    /// Four aggregate reads in one repeatable-read transaction, so the counts agree with each other. It reads
    /// <c>outreach_sends</c> (written only by <see cref="OutreachSendRepository"/>) and writes nothing.
    /// </summary>
    public async Task<OutreachStats> Stats(Guid campaignId)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        var byStatus = new Dictionary<string, int>();
        int replied = 0, held = 0;
        await using (var cmd = new NpgsqlCommand("""
            SELECT status, count(*), count(replied_at), count(*) FILTER (WHERE metadata ? 'held')
            FROM outreach_participants WHERE campaign_id = $1 GROUP BY status
            """, connection, tx))
        {
            cmd.Parameters.AddWithValue(campaignId);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                byStatus[r.GetString(0)] = (int)r.GetInt64(1);
                replied += (int)r.GetInt64(2);
                held += (int)r.GetInt64(3);
            }
        }

        var steps = new SortedDictionary<int, int[]>();
        int[] Step(int index) => steps.TryGetValue(index, out var row) ? row : steps[index] = new int[6];
        await using (var cmd = new NpgsqlCommand("""
            SELECT step_index, status, count(*) FROM outreach_sends WHERE campaign_id = $1 GROUP BY step_index, status
            """, connection, tx))
        {
            cmd.Parameters.AddWithValue(campaignId);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                var column = r.GetString(1) switch
                {
                    "sent" or "delivered" => 0,
                    "failed" => 2,
                    "bounced" => 3,
                    "unknown" => 4,
                    _ => -1,
                };
                if (column >= 0)
                {
                    Step(r.GetInt32(0))[column] += (int)r.GetInt64(2);
                }
            }
        }

        await using (var cmd = new NpgsqlCommand("""
            SELECT s.step, count(*) FROM outreach_participants p, unnest(
                ARRAY(SELECT jsonb_array_elements_text(coalesce(p.metadata -> 'skipped', '[]'))::int)) AS s (step)
            WHERE p.campaign_id = $1 AND p.metadata ? 'skipped'
            GROUP BY s.step
            """, connection, tx))
        {
            cmd.Parameters.AddWithValue(campaignId);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                Step(r.GetInt32(0))[1] += (int)r.GetInt64(1);
            }
        }

        // The step each replier last received before replying (the funnel's "replied after").
        await using (var cmd = new NpgsqlCommand("""
            SELECT last.step_index, count(*) FROM outreach_participants p
            CROSS JOIN LATERAL (
                SELECT max(s.step_index) AS step_index FROM outreach_sends s
                WHERE s.campaign_id = p.campaign_id AND s.contact_id = p.contact_id
                  AND s.status IN ('sent', 'delivered') AND s.sent_at <= p.replied_at) last
            WHERE p.campaign_id = $1 AND p.replied_at IS NOT NULL AND last.step_index IS NOT NULL
            GROUP BY last.step_index
            """, connection, tx))
        {
            cmd.Parameters.AddWithValue(campaignId);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                Step(r.GetInt32(0))[5] += (int)r.GetInt64(1);
            }
        }

        await tx.CommitAsync();
        int Count(string status) => byStatus.GetValueOrDefault(status);
        return new OutreachStats(
            byStatus.Values.Sum(), Count("pending"), Count("sent"), Count("delivered"), replied, Count("bounced"),
            Count("stopped"), Count("failed"), Count("completed"), steps.Values.Sum(s => s[0]), held,
            steps.Select(pair => new StepFunnel(pair.Key, pair.Value[0], pair.Value[1], pair.Value[2], pair.Value[3], pair.Value[4], pair.Value[5])).ToList());
    }
}
