namespace Augment.Core.Text.IO;

/// <summary>A bad input line: the message names the file, the line and the reason.</summary>
public sealed class TextInputException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/>:<paramref name="line"/>.</summary>
    public TextInputException(string path, long line, string reason)
        : base($"{path}:{line}: {reason}")
    {
        Path = path;
        Line = line;
        Reason = reason;
    }

    /// <summary>Creates the exception with a plain message.</summary>
    public TextInputException() : this("", 0, "bad input")
    {
    }

    /// <summary>Creates the exception with a plain message.</summary>
    public TextInputException(string message) : this("", 0, message)
    {
    }

    /// <summary>Creates the exception with a plain message and cause.</summary>
    public TextInputException(string message, Exception inner) : base(message, inner)
    {
        Path = "";
        Reason = message;
    }

    /// <summary>The input file.</summary>
    public string Path { get; }

    /// <summary>1-based line number.</summary>
    public long Line { get; }

    /// <summary>Why the line is bad.</summary>
    public string Reason { get; }
}
