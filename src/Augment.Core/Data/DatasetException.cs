namespace Augment.Core.Data;

/// <summary>Why a dataset could not be resolved or loaded.</summary>
public enum DatasetErrorKind
{
    /// <summary>No dataset or root with that name.</summary>
    NotFound,

    /// <summary>A path was refused (absolute, "..", symbolic link, outside its root).</summary>
    PathRefused,

    /// <summary>The request named the dataset wrongly (both name and location, unknown kind).</summary>
    InvalidArgument,

    /// <summary>The files exist but are malformed.</summary>
    BadFormat,
}

/// <summary>A dataset error whose message names the dataset, file or field and the reason.</summary>
public sealed class DatasetException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DatasetException(DatasetErrorKind kind, string message, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
    }

    /// <summary>Creates the exception (for serialisers; prefer the other constructor).</summary>
    public DatasetException() : this(DatasetErrorKind.BadFormat, "dataset error") { }

    /// <summary>Creates the exception (for serialisers; prefer the other constructor).</summary>
    public DatasetException(string message) : this(DatasetErrorKind.BadFormat, message) { }

    /// <summary>Creates the exception (for serialisers; prefer the other constructor).</summary>
    public DatasetException(string message, Exception inner) : this(DatasetErrorKind.BadFormat, message, inner) { }

    /// <summary>The category, for mapping to status codes.</summary>
    public DatasetErrorKind Kind { get; }
}
