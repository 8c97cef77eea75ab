using Campaigns.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.CSharp.Models;
using Document = NSwag.OpenApiDocument;

namespace Campaigns.Tests.Hosting;

/// <summary>
/// A real generator turns <c>/openapi/v1.json</c> into a C# client that compiles and is typed (docs/ARCHITECTURE.md,
/// "Typed API contract"): NSwag generates it, Roslyn compiles it in memory against the running framework.
/// </summary>
public sealed class OpenApiClientTests(ApiHostFixture api) : IClassFixture<ApiHostFixture>
{
    [Fact]
    public async Task A_generated_csharp_client_compiles_and_returns_typed_results()
    {
        var document = await Document.FromJsonAsync(await OpenApiDocument.Fetch(api), TestContext.Current.CancellationToken);
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "CampaignsClient",
            GenerateClientInterfaces = true,
            CSharpGeneratorSettings = { Namespace = "Campaigns.Client", JsonLibrary = NJsonSchema.CodeGeneration.CSharp.CSharpJsonLibrary.SystemTextJson },
        };
        var resolver = CSharpClientGenerator.CreateResolverWithExceptionSchema(settings.CSharpGeneratorSettings, document);
        var generator = new CSharpClientGenerator(document, settings, resolver);
        var code = generator.GenerateFile();

        var diagnostics = Compile(code);
        Assert.True(diagnostics.Count == 0, $"The generated client does not compile ({diagnostics.Count} errors):\n" + string.Join("\n", diagnostics.Take(50)));

        // A JSON success answer must reach the caller as its type, not as a stream or an untyped object.
        var untyped = (
            from path in document.Paths
            from operation in path.Value
            let success = operation.Value.ActualResponses.Where(r => r.Key.StartsWith('2')).Select(r => r.Value).FirstOrDefault()
            where success?.Content.Keys.Any(k => k.Contains("json", StringComparison.Ordinal)) == true
            let result = new CSharpOperationModel(operation.Value, settings, generator, resolver).SyncResultType
            where result is "FileResponse" or "object" or "void"
            select $"{operation.Key.ToUpperInvariant()} {path.Key}: returns {result}").ToList();
        Assert.True(untyped.Count == 0, $"{untyped.Count} JSON operations have an untyped client method:\n" + string.Join("\n", untyped));
    }

    /// <summary>The compiler's errors for <paramref name="code"/> as a library against this process's framework assemblies.</summary>
    private static List<string> Compile(string code)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "Campaigns.GeneratedClient",
            [CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest))],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var output = new MemoryStream();
        var emitted = compilation.Emit(output);
        return emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
    }
}
