
namespace Campaigns.Silo.StoredState;

/// <summary>A grain's key as the API and operators know it, rather than the runtime's hex encoding.</summary>
public static class ReadableGrainKey
{
    public static string Of(GrainId grainId)
    {
        if (grainId.TryGetGuidKey(out var guid, out var guidExtension))
        {
            return guidExtension is null ? guid.ToString() : $"{guid}+{guidExtension}";
        }

        if (grainId.TryGetIntegerKey(out var number, out var numberExtension))
        {
            return numberExtension is null ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{number}+{numberExtension}";
        }

        return grainId.Key.ToString() ?? "";
    }
}
