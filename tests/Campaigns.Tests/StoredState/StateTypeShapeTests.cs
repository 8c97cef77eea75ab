using System.Reflection;
using Campaigns.StoredState;

namespace Campaigns.Tests.StoredState;

/// <summary>
/// The rules of docs/ARCHITECTURE.md ("Grain state storage") for every type a grain state reaches: concrete declared
/// types only, so the stored bytes never need to name a runtime type; every member numbered, no number used twice;
/// every type serializable by the Orleans serializer under a stable alias.
/// </summary>
public sealed class StateTypeShapeTests
{
    private static readonly HashSet<Type> Scalars =
    [
        typeof(bool), typeof(byte), typeof(short), typeof(int), typeof(long), typeof(double), typeof(decimal), typeof(string),
        typeof(Guid), typeof(DateTimeOffset), typeof(DateOnly), typeof(TimeOnly), typeof(TimeSpan),
    ];

    [Fact]
    public void The_catalog_names_every_persistent_state_of_every_grain()
    {
        var declared = typeof(GrainStateCatalog).Assembly.GetTypes()
            .SelectMany(t => t.GetConstructors())
            .SelectMany(c => c.GetParameters())
            .Select(p => (Attribute: p.GetCustomAttribute<PersistentStateAttribute>(), p.ParameterType))
            .Where(p => p.Attribute is not null)
            .ToDictionary(p => p.Attribute!.StateName, p => p.ParameterType.GetGenericArguments().Single());

        Assert.NotEmpty(declared);
        Assert.Equal(declared.OrderBy(d => d.Key), GrainStateCatalog.StateTypes.OrderBy(d => d.Key));
    }

    [Fact]
    public void Every_type_a_state_reaches_is_concrete_numbered_and_aliased()
    {
        var problems = new List<string>();
        var visited = new HashSet<Type>();
        foreach (var (name, type) in GrainStateCatalog.StateTypes)
        {
            Visit(type, name, visited, problems);
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains(typeof(global::Campaigns.Outreach.OutreachAudience), visited);
        Assert.Contains(typeof(global::Campaigns.Influencer.TrackingConfig), visited);
    }

    [Fact]
    public void The_shape_check_catches_an_interface_collection()
    {
        var problems = new List<string>();
        Visit(typeof(ShapeWithInterfaceList), "example", [], problems);
        Assert.Contains(problems, p => p.Contains("example.Ids", StringComparison.Ordinal) && p.Contains("IReadOnlyList", StringComparison.Ordinal));
    }

    private static void Visit(Type type, string path, HashSet<Type> visited, List<string> problems)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (Scalars.Contains(type))
        {
            return;
        }

        if (type.IsEnum && type.Assembly == typeof(object).Assembly)
        {
            // A framework enum (DayOfWeek) cannot carry our attributes; the Orleans serializer ships a codec for it.
            Assert.True(StateSerializers.Orleans.CanSerialize(type), $"{path}: the Orleans serializer has no codec for {type.Name}");
            return;
        }

        if (type.IsArray)
        {
            Visit(type.GetElementType()!, path + "[]", visited, problems);
            return;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() is var definition
            && (definition == typeof(List<>) || definition == typeof(Dictionary<,>) || definition == typeof(HashSet<>)))
        {
            foreach (var argument in type.GetGenericArguments())
            {
                Visit(argument, path + "[]", visited, problems);
            }

            return;
        }

        if (type.IsInterface || type.IsAbstract || type == typeof(object) || (type.IsClass && !type.IsSealed))
        {
            problems.Add($"{path}: {Describe(type)} is not a concrete declared type; the stored bytes would have to name the runtime type");
            return;
        }

        if (!visited.Add(type))
        {
            return;
        }

        if (type.GetCustomAttribute<GenerateSerializerAttribute>() is null)
        {
            problems.Add($"{path}: {Describe(type)} has no [GenerateSerializer]");
        }

        if (type.GetCustomAttribute<AliasAttribute>() is null)
        {
            problems.Add($"{path}: {Describe(type)} has no [Alias]");
        }

        if (type.IsEnum)
        {
            return;
        }

        var members = type.GetMembers(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(m => (Member: m, Id: m.GetCustomAttribute<IdAttribute>()))
            .Where(m => m.Id is not null)
            .ToList();
        foreach (var duplicate in members.GroupBy(m => m.Id!.Id).Where(g => g.Count() > 1))
        {
            problems.Add($"{path}: [Id({duplicate.Key})] is used by {string.Join(", ", duplicate.Select(d => d.Member.Name))}");
        }

        foreach (var (member, _) in members)
        {
            var memberType = member switch
            {
                PropertyInfo property => property.PropertyType,
                FieldInfo field => field.FieldType,
                _ => null,
            };
            if (memberType is not null)
            {
                Visit(memberType, $"{path}.{member.Name}", visited, problems);
            }
        }
    }

    private static string Describe(Type type) =>
        type.IsGenericType ? $"{type.Name.Split('`')[0]}<{string.Join(", ", type.GetGenericArguments().Select(Describe))}>" : type.Name;

    [GenerateSerializer, Alias("tests.ShapeWithInterfaceList")]
    public sealed class ShapeWithInterfaceList
    {
        [Id(0)] public IReadOnlyList<Guid> Ids { get; set; } = [];
    }
}
