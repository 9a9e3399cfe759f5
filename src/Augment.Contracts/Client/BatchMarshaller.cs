using System.Buffers;
using Augment.Contracts.V1;
using Google.Protobuf;
using Grpc.Core;

namespace Augment.Contracts.Client;

/// <summary>A gRPC marshaller for <see cref="Batch"/> whose parser copies each tensor's bytes once, into an array of its
/// own that is not zeroed first (the generated parser zeroes a fresh array, then copies into it). The batches are
/// equal to what the generated parser returns (same fields, same bytes). Get a tensor's array without a copy with
/// <see cref="TensorData.Array"/> (<see cref="ByteString.ToByteArray"/> copies every time). Input in any other than the canonical form the server writes (unknown fields from a
/// newer server, repeated singular fields) goes through the generated parser, so the result is always exact.</summary>
public static class BatchMarshaller
{
    /// <summary>The marshaller (serialises like the generated one).</summary>
    public static Marshaller<Batch> Instance { get; } = new(Serialize, Deserialize);

    /// <summary>Parses one serialised batch.</summary>
    /// <exception cref="InvalidProtocolBufferException">The bytes are not a valid Batch.</exception>
    public static Batch Parse(ReadOnlySequence<byte> payload)
    {
        if (payload.IsSingleSegment)
        {
            return BatchWire.TryParse(payload.FirstSpan) ?? Batch.Parser.ParseFrom(payload);
        }
        return Batch.Parser.ParseFrom(payload);
    }

    /// <summary>Parses one serialised batch.</summary>
    /// <exception cref="InvalidProtocolBufferException">The bytes are not a valid Batch.</exception>
    public static Batch Parse(ReadOnlySpan<byte> payload) => BatchWire.TryParse(payload) ?? Batch.Parser.ParseFrom(payload);

    private static Batch Deserialize(DeserializationContext context) => Parse(context.PayloadAsReadOnlySequence());

    private static void Serialize(Batch batch, SerializationContext context)
    {
        context.SetPayloadLength(batch.CalculateSize());
        batch.WriteTo(context.GetBufferWriter());
        context.Complete();
    }
}
