namespace Campaigns.Tests.Infrastructure;

/// <summary>
/// One writer per table (docs/ARCHITECTURE.md, "One writer per table"): every table is inserted into, updated or
/// deleted from by the SQL of exactly one source file; other code asks that repository, or the grain in front of it.
/// Reads the C# under src/ (its string literals) and the functions sql/ defines, so a second writer fails here when it
/// is written, not when two of them disagree in production.
/// </summary>
public sealed class TableWritersTests
{
    [Fact]
    public void Every_table_has_exactly_one_writing_file()
    {
        var writers = Writers();

        var violations = writers
            .Where(w => w.Value.Count > 1)
            .OrderBy(w => w.Key, StringComparer.Ordinal)
            .Select(w => $"table {w.Key} is written by {string.Join(" and ", w.Value)}")
            .ToList();

        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }

    [Fact]
    public void The_scan_finds_the_writers_it_must()
    {
        var writers = Writers();

        // A scan that reads nothing would pass the rule above: these writers are known to exist.
        Assert.Contains("src/Grains/Audit/AuditRepository.cs", writers["audit_log"]);
        Assert.Contains("src/Grains/Influencer/PostUpsertBatch.cs", writers["posts"]);
        Assert.Contains("src/Grains/Influencer/ApifyJobRepository.cs", writers["apify_usage"]); // through apify_complete()
        Assert.True(writers.Count >= 20, $"Only {writers.Count} written tables found: {string.Join(", ", writers.Keys)}");
    }

    [Fact]
    public void Writes_are_recognised_in_every_form()
    {
        const string sql = """
            WITH moved AS (DELETE FROM queue_a WHERE id = $1 RETURNING *)
            INSERT INTO public.table_b AS b (id) SELECT id FROM moved
            ON CONFLICT (id) DO UPDATE SET id = EXCLUDED.id;
            UPDATE ONLY table_c c SET x = 1;
            MERGE INTO table_d USING src ON true WHEN MATCHED THEN DELETE;
            COPY table_e (a, b) FROM STDIN (FORMAT BINARY);
            TRUNCATE TABLE table_f;
            SELECT * FROM table_g FOR UPDATE SKIP LOCKED;
            SELECT * FROM table_h FOR NO KEY UPDATE;
            COPY (SELECT 1) TO STDOUT;
            -- UPDATE table_i SET a commented-out statement
            SELECT writes_j($1);
            """;
        var functions = new Dictionary<string, IReadOnlySet<string>> { ["writes_j"] = new HashSet<string> { "table_j" } };

        Assert.Equal(
            new[] { "queue_a", "table_b", "table_c", "table_d", "table_e", "table_f", "table_j" },
            SqlWrites.Tables(sql, functions));
    }

    [Fact]
    public void Only_string_literals_of_csharp_count_not_comments_or_code()
    {
        const string source = """"
            /// <summary>One <c>INSERT INTO doc_table</c> as a comment.</summary>
            // DELETE FROM line_comment_table
            var a = "INSERT INTO regular_table (a) VALUES ('x')";
            var b = @"UPDATE verbatim_table SET q = ""quoted""";
            var c = $"DELETE FROM interpolated_table WHERE id = {Key("UPDATE hole_table SET x = 1")}";
            var d = """
                UPDATE raw_table SET x = 1
                """;
            var e = "DELETE FROM " + "split_table";
            var f = '"'; var g = "INSERT INTO after_char_table";
            """";

        Assert.Equal(
            new[] { "after_char_table", "interpolated_table", "raw_table", "regular_table", "split_table", "verbatim_table" },
            SqlWrites.Tables(CSharpLiterals.Of(source)));
    }

    [Fact]
    public void Functions_carry_the_writes_of_the_functions_they_call()
    {
        var migrations = new[]
        {
            "CREATE FUNCTION inner_f(x int) RETURNS void LANGUAGE sql AS $$ UPDATE old_t SET a = x $$;",
            """
            CREATE OR REPLACE FUNCTION inner_f(x int) RETURNS void LANGUAGE plpgsql AS $body$
            BEGIN INSERT INTO inner_t VALUES (x); END $body$;
            CREATE FUNCTION outer_f() RETURNS void LANGUAGE sql AS $$ SELECT inner_f(1) $$;
            CREATE FUNCTION reader_f() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT count(*) FROM inner_t $$;
            """,
        };

        var functions = SqlWrites.Functions(migrations);

        Assert.Equal(new[] { "inner_t" }, functions["inner_f"]);
        Assert.Equal(new[] { "inner_t" }, functions["outer_f"]);
        Assert.False(functions.ContainsKey("reader_f"));
    }

    /// <summary>Each written table and the source files (relative to the repository root) whose SQL writes it.</summary>
    private static Dictionary<string, SortedSet<string>> Writers()
    {
        var root = RepositoryRoot();
        var migrations = Directory.GetFiles(Path.Combine(root, "sql"), "*.sql").Order(StringComparer.Ordinal).Select(File.ReadAllText);
        var functions = SqlWrites.Functions(migrations);
        var writers = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var table in SqlWrites.Tables(CSharpLiterals.Of(File.ReadAllText(file)), functions))
            {
                if (!writers.TryGetValue(table, out var files))
                {
                    writers[table] = files = new SortedSet<string>(StringComparer.Ordinal);
                }

                files.Add(relative);
            }
        }

        return writers;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Campaigns.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Campaigns.sln above {AppContext.BaseDirectory}: the test reads the source it runs from.");
    }
}
