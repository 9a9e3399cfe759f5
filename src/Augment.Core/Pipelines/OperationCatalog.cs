using Augment.Contracts.V1;
using Google.Protobuf.Reflection;

namespace Augment.Core.Pipelines;

/// <summary>The operations a pipeline node can hold, read from the schema itself, so the list can never drift.</summary>
public static class OperationCatalog
{
    private static OneofDescriptor Ops => Node.Descriptor.Oneofs[0];

    /// <summary>Operation names as written in JSON specs (camelCase JSON names also accepted by the parser).</summary>
    public static IReadOnlyList<string> Names => [.. Ops.Fields.Select(f => f.Name)];

    /// <summary>Each operation with its parameters (name, type) and the schema comment-free type name.</summary>
    public static IReadOnlyList<(string Operation, IReadOnlyList<(string Name, string Type)> Parameters)> Describe() =>
        [.. Ops.Fields.Select(f => (f.Name, (IReadOnlyList<(string, string)>)[.. f.MessageType.Fields.InDeclarationOrder().Select(p => (p.Name, TypeName(p)))]))];

    internal static string SnakeCase(string caseName)
    {
        var field = Ops.Fields.FirstOrDefault(f => string.Equals(f.PropertyName, caseName, StringComparison.Ordinal));
        return field?.Name ?? caseName;
    }

    private static string TypeName(FieldDescriptor f)
    {
        var t = f.FieldType switch
        {
            FieldType.Message => f.MessageType.Name == "Range" ? "range {min, max}" : f.MessageType.Name,
            FieldType.Float or FieldType.Double => "number",
            FieldType.Int32 or FieldType.Int64 => "integer",
            FieldType.Bool => "bool",
            FieldType.String => "string",
            _ => f.FieldType.ToString().ToLowerInvariant(),
        };
        return f.IsRepeated ? $"list of {t}" : t;
    }
}
