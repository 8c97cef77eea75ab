using Npgsql;
using NpgsqlTypes;

namespace Campaigns.Silo.StoredState;

/// <summary>A grain state row in the legacy JSON format, identified the way the ADO.NET provider identifies it.</summary>
public sealed record LegacyStateRow(
    int GrainIdHash, long GrainIdN0, long GrainIdN1, int GrainTypeHash, string StateName, string? GrainIdExtension,
    string ServiceId, int Version, byte[] Payload)
{
    /// <summary>The grain's key as the provider stores it, for log lines an operator can search for.</summary>
    public string GrainKey => $"{ServiceId}/{StateName}/{GrainIdN0:x16}{GrainIdN1:x16}{(GrainIdExtension is null ? "" : "+" + GrainIdExtension)}";
}

/// <summary>
/// The rows of <c>orleansstorage</c> still in the legacy JSON format, and their rewrite in the current format. The
/// rewrite bumps the row's version, as any write does, so a writer still holding the old version is refused rather
/// than overwriting the upgrade.
/// </summary>
public sealed class LegacyStateRows(string connectionString)
{
    private const long UpgradeLockKey = 0x53_74_61_74_65_55_70_67; // "StateUpg"

    /// <summary>Holds the upgrade lock of the database for as long as the returned transaction is open.</summary>
    public async Task<(NpgsqlConnection Connection, NpgsqlTransaction Lock)> Lock(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction);
        command.Parameters.AddWithValue(UpgradeLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return (connection, transaction);
    }

    /// <summary>Every legacy row, streamed on the locking connection.</summary>
    public async IAsyncEnumerable<LegacyStateRow> ReadAll(
        NpgsqlConnection connection, NpgsqlTransaction transaction,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT grainidhash, grainidn0, grainidn1, graintypehash, graintypestring, grainidextensionstring, serviceid,
                   version, payloadbinary
            FROM orleansstorage
            WHERE payloadbinary IS NOT NULL AND substring(payloadbinary FROM 1 FOR 1) = $1
            """, connection, transaction);
        command.Parameters.AddWithValue(NpgsqlDbType.Bytea, new[] { GrainStateFormat.LegacyJson });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new LegacyStateRow(
                reader.GetInt32(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt32(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6), reader.IsDBNull(7) ? 0 : reader.GetInt32(7),
                reader.GetFieldValue<byte[]>(8));
        }
    }

    /// <returns>How many rows were rewritten: a row whose version moved since it was read is left as it is.</returns>
    public async Task<int> Rewrite(IReadOnlyList<(LegacyStateRow Row, byte[] Payload)> rows, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            UPDATE orleansstorage AS s
            SET payloadbinary = u.payload, version = s.version + 1, modifiedon = now()
            FROM unnest($1::integer[], $2::bigint[], $3::bigint[], $4::integer[], $5::text[], $6::text[], $7::text[],
                        $8::integer[], $9::bytea[])
                 AS u(grainidhash, grainidn0, grainidn1, graintypehash, graintypestring, grainidextensionstring,
                      serviceid, version, payload)
            WHERE s.grainidhash = u.grainidhash AND s.grainidn0 = u.grainidn0 AND s.grainidn1 = u.grainidn1
              AND s.graintypehash = u.graintypehash AND s.graintypestring = u.graintypestring
              AND s.grainidextensionstring IS NOT DISTINCT FROM u.grainidextensionstring
              AND s.serviceid = u.serviceid AND s.version = u.version
            """, connection);
        command.Parameters.AddWithValue(rows.Select(r => r.Row.GrainIdHash).ToArray());
        command.Parameters.AddWithValue(rows.Select(r => r.Row.GrainIdN0).ToArray());
        command.Parameters.AddWithValue(rows.Select(r => r.Row.GrainIdN1).ToArray());
        command.Parameters.AddWithValue(rows.Select(r => r.Row.GrainTypeHash).ToArray());
        command.Parameters.AddWithValue(rows.Select(r => r.Row.StateName).ToArray());
        command.Parameters.AddWithValue(rows.Select(r => r.Row.GrainIdExtension).ToArray());
        command.Parameters.AddWithValue(rows.Select(r => r.Row.ServiceId).ToArray());
        command.Parameters.AddWithValue(rows.Select(r => r.Row.Version).ToArray());
        command.Parameters.AddWithValue(rows.Select(r => r.Payload).ToArray());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
