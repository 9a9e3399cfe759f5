namespace Augment.Core.Text.IO;

/// <summary>What to do with a bad input line.</summary>
public enum TextErrorMode
{
    /// <summary>Stop at the first bad line with an error naming the file, line and reason; write nothing.</summary>
    Fail = 0,

    /// <summary>Skip bad lines and count them per reason.</summary>
    Skip = 1,
}
