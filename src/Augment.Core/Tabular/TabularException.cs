namespace Augment.Core.Tabular;

/// <summary>Bad tabular input or options: the message names the file, row, column or class and the reason.</summary>
public sealed class TabularException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TabularException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public TabularException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public TabularException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
