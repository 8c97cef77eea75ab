using Campaigns.Api.Audit;
using Campaigns.Api.Campaigns;
using Campaigns.Api.Crm;
using Campaigns.Api.Influencer;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Outreach;
using Campaigns.Api.Tenancy;
using Campaigns.Infrastructure;
using Campaigns.Tests.Campaigns;
using Campaigns.Tests.Hosting;
using Campaigns.Tests.Influencer;
using Campaigns.Tests.Infrastructure;
using Campaigns.Tests.Tenancy;

namespace Campaigns.Tests.Outreach;

public sealed class OutreachCsvTests
{
    [Fact]
    public void Header_columns_match_by_name_in_any_order_and_case()
    {
        var (rows, errors, refusal) = OutreachCsv.Read("Username,EMAIL,first_name,Company,notes\n@ann_lee,ann@example.com,Ann,Acme,vip\n", hasHeader: true);
        Assert.Null(refusal);
        Assert.Empty(errors);
        var row = Assert.Single(rows);
        Assert.Equal(("ann_lee", "ann@example.com", "Ann", "Acme", 2), (row.TelegramUsername, row.Email, row.FirstName, row.Company, row.Row));
        Assert.Null(row.TelegramId);
    }

    [Fact]
    public void Without_a_header_the_documented_column_order_applies()
    {
        var (rows, errors, _) = OutreachCsv.Read("Ann,Lee,ann@example.com,+7 912 345-67-89,4242,ann_lee,Acme\nBob,,,,77\n", hasHeader: false);
        Assert.Empty(errors);
        Assert.Equal(2, rows.Count);
        Assert.Equal(("Ann", "Lee", "ann@example.com", "+79123456789", 4242L, "ann_lee", "Acme"),
            (rows[0].FirstName, rows[0].LastName, rows[0].Email, rows[0].Phone, rows[0].TelegramId, rows[0].TelegramUsername, rows[0].Company));
        Assert.Equal((1, "Bob", 77L), (rows[0].Row, rows[1].FirstName, rows[1].TelegramId));
        Assert.Null(rows[1].Email);
    }

    [Fact]
    public void Quoted_cells_hold_separators_quotes_and_line_breaks()
    {
        var csv = "first_name,last_name,telegram_id\n\"Ann, Jr.\",\"O\"\"Neil\nSecond line\",42\nBob,Smith,43\n";
        var (rows, errors, _) = OutreachCsv.Read(csv, hasHeader: true);
        Assert.Empty(errors);
        Assert.Equal("Ann, Jr.", rows[0].FirstName);
        Assert.Equal("O\"Neil\nSecond line", rows[0].LastName);
        Assert.Equal((3, "Bob"), (rows[1].Row, rows[1].FirstName));
    }

    [Fact]
    public void A_byte_order_mark_and_semicolons_are_understood()
    {
        var (rows, errors, refusal) = OutreachCsv.Read("\uFEFFtelegram_id;first_name;company\n42;Ann;\"Acme; Inc\"\r\n", hasHeader: true);
        Assert.Null(refusal);
        Assert.Empty(errors);
        Assert.Equal((42L, "Ann", "Acme; Inc"), (rows[0].TelegramId, rows[0].FirstName, rows[0].Company));
    }

    [Fact]
    public void Blank_lines_are_skipped_and_not_counted()
    {
        var (rows, errors, _) = OutreachCsv.Read("telegram_id\n\n42\n  \n\n43\n", hasHeader: true);
        Assert.Empty(errors);
        Assert.Equal([(2, 42L), (3, 43L)], rows.Select(r => (r.Row, r.TelegramId!.Value)));
    }

    [Fact]
    public void Duplicate_rows_are_kept_for_the_import_to_merge()
    {
        // The import resolves both to one contact and lists it once; the reader does not guess which cell wins.
        var (rows, errors, _) = OutreachCsv.Read("telegram_id,first_name\n42,Ann\n42,Ann\n", hasHeader: true);
        Assert.Empty(errors);
        Assert.Equal(2, rows.Count);
    }

    [Theory]
    [InlineData("abc", "telegram_id")]
    [InlineData("-5", "telegram_id")]
    [InlineData("1.5", "telegram_id")]
    [InlineData("99999999999999999999", "telegram_id")]
    public void A_bad_telegram_id_reports_the_row_and_skips_it(string telegramId, string expected)
    {
        var (rows, errors, _) = OutreachCsv.Read($"telegram_id,first_name\n{telegramId},Ann\n42,Bob\n", hasHeader: true);
        var error = Assert.Single(errors);
        Assert.Equal(2, error.Row);
        Assert.Contains(expected, error.Message);
        Assert.Equal("Bob", Assert.Single(rows).FirstName);
    }

    [Fact]
    public void Every_bad_cell_of_a_row_is_named_and_the_row_is_skipped_whole()
    {
        var (rows, errors, _) = OutreachCsv.Read("email,phone,username\nnot-mail,12ab,ab\n", hasHeader: true);
        Assert.Empty(rows);
        var message = Assert.Single(errors).Message;
        Assert.Contains("email", message);
        Assert.Contains("phone", message);
        Assert.Contains("telegram_username", message);
    }

    [Fact]
    public void A_row_without_anything_to_match_by_is_refused()
    {
        var (rows, errors, _) = OutreachCsv.Read("first_name,phone,email\nAnn,+4930123456,\n", hasHeader: true);
        Assert.Empty(rows);
        Assert.Contains("telegram_id, telegram_username or email", Assert.Single(errors).Message);
    }

    [Fact]
    public void A_header_without_a_matching_column_refuses_the_file()
    {
        Assert.NotNull(OutreachCsv.Read("first_name,phone\nAnn,+4930123456\n", hasHeader: true).Refusal);
        Assert.NotNull(OutreachCsv.Read("telegram_id,username,telegram_username\n1,abcde,abcdf\n", hasHeader: true).Refusal);
    }

    [Fact]
    public void Empty_files_and_oversized_files_are_refused()
    {
        Assert.NotNull(OutreachCsv.Read("", hasHeader: false).Refusal);
        Assert.NotNull(OutreachCsv.Read("\n\n", hasHeader: true).Refusal);
        Assert.NotNull(OutreachCsv.Read("telegram_id\n", hasHeader: true).Refusal);
        Assert.NotNull(OutreachCsv.Read(new string('1', OutreachCsv.MaxCharacters + 1), hasHeader: false).Refusal);
        var tooMany = "telegram_id\n" + string.Join("\n", Enumerable.Range(1, OutreachCsv.MaxRows + 1));
        Assert.Contains("rows", OutreachCsv.Read(tooMany, hasHeader: true).Refusal);
    }

    [Fact]
    public void Too_many_cells_without_a_header_is_a_row_error()
    {
        var (rows, errors, _) = OutreachCsv.Read("a,b,c,d,42,e,f,g\n", hasHeader: false);
        Assert.Empty(rows);
        Assert.Equal(1, Assert.Single(errors).Row);
    }

    [Fact]
    public void A_stray_quote_is_a_row_error()
    {
        var (rows, errors, _) = OutreachCsv.Read("first_name,telegram_id\nAn\"n,42\nBob,43\n", hasHeader: true);
        Assert.Equal(2, Assert.Single(errors).Row);
        Assert.Equal("Bob", Assert.Single(rows).FirstName);
    }
}
