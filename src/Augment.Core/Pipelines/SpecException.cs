namespace Augment.Core.Pipelines;

/// <summary>A spec failed validation; <see cref="Errors"/> lists every problem with its field path.</summary>
public sealed class SpecException : Exception
{
    /// <summary>Creates the exception from its errors.</summary>
    public SpecException(IReadOnlyList<SpecError> errors)
        : base(string.Join("; ", errors))
    {
        Errors = errors;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<SpecError> Errors { get; }
}
