using System.Runtime.CompilerServices;

namespace Augment.Service.Hosting;

/// <summary>Adapters between synchronous and asynchronous sequences.</summary>
internal static class AsyncEnumerableExtensions
{
    /// <summary>Enumerates <paramref name="items"/> lazily as an async sequence.</summary>
    public static async IAsyncEnumerable<T> AsAsync<T>(this IEnumerable<T> items, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return item;
        }
        await Task.CompletedTask.ConfigureAwait(false);
    }
}
