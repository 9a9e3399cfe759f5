using System.Buffers;
using Augment.Contracts.Client;
using Augment.Contracts.V1;
using FsCheck.Xunit;
using Google.Protobuf;

namespace Augment.Service.Tests.Client;

public sealed class BatchMarshallerTests
{
    [Fact]
    public void Parse_EveryField_EqualsGeneratedParserAndReserialisesByteIdentically()
    {
        var bytes = FullBatch().ToByteArray();

        var ours = BatchMarshaller.Parse(new ReadOnlySequence<byte>(bytes));

        Assert.Equal(Batch.Parser.ParseFrom(bytes), ours);
        Assert.Equal(bytes, ours.ToByteArray());
    }

    [Fact]
    public void Parse_TabularAndTextPayloads_EqualGeneratedParser()
    {
        var tabular = FullBatch();
        tabular.Tabular = new TabularPayload
        {
            Columns = { "a", "bé" },
            Features = Tensor(DType.Float32, 24, 3, 2),
            Synthetic = Tensor(DType.Uint8, 3, 3),
        };
        var text = FullBatch();
        text.Text = new TextPayload { Texts = { "one", "two" }, TokenIds = Tensor(DType.Int64, 32, 2, 2), ClassNames = { "x" } };

        foreach (var batch in new[] { tabular, text })
        {
            var bytes = batch.ToByteArray();
            Assert.Equal(Batch.Parser.ParseFrom(bytes), BatchMarshaller.Parse(bytes.AsSpan()));
        }
    }

    [Fact]
    public void Parse_TensorData_IsOneArrayThatTensorDataArrayReturnsWhereToByteArrayCopies()
    {
        var bytes = FullBatch().ToByteArray();

        var images = BatchMarshaller.Parse(bytes.AsSpan()).Image.Images;

        var array = TensorData.Array(images);
        Assert.Same(array, TensorData.Array(images));
        Assert.Equal(images.Data.ToByteArray(), array);
        Assert.NotSame(images.Data.ToByteArray(), images.Data.ToByteArray());
    }

    [Fact]
    public void Parse_SharedMemoryFields_EqualGeneratedParserAndReserialiseByteIdentically()
    {
        var batch = FullBatch();
        batch.Image.Images.Data = ByteString.Empty;
        batch.Image.Images.SharedMemory = new SharedMemorySlice { Offset = 4096 + 640, Length = 360 };
        batch.Labels.SharedMemory = new SharedMemorySlice { Offset = 4096, Length = 32 };
        batch.SharedMemoryRing = new SharedMemoryRing { Path = "/dev/shm/augment-ring-1-ab", FileBytes = 8192, LayoutVersion = 1, DataOffset = 4096, Capacity = 4096 };
        batch.SharedMemoryRelease = 1024;
        var bytes = batch.ToByteArray();

        var ours = BatchWire.TryParse(bytes);

        Assert.NotNull(ours);
        Assert.Equal(Batch.Parser.ParseFrom(bytes), ours);
        Assert.Equal(bytes, ours.ToByteArray());
    }

    [Fact]
    public void Parse_UnknownFieldFromNewerServer_KeepsItLikeGeneratedParser()
    {
        var bytes = FullBatch().ToByteArray();
        // Field 99, varint 5: unknown to this version of the contract.
        var withUnknown = bytes.Concat(new byte[] { 0x98, 0x06, 0x05 }).ToArray();

        var ours = BatchMarshaller.Parse(withUnknown.AsSpan());

        Assert.Equal(Batch.Parser.ParseFrom(withUnknown), ours);
        Assert.Equal(withUnknown, ours.ToByteArray());
    }

    [Fact]
    public void Parse_SingularTensorTwice_MergesLikeGeneratedParser()
    {
        var first = new Batch { Labels = Tensor(DType.Int64, 16, 2) }.ToByteArray();
        var second = new Batch { Labels = Tensor(DType.Int64, 8, 1) }.ToByteArray();
        var both = first.Concat(second).ToArray();

        Assert.Equal(Batch.Parser.ParseFrom(both), BatchMarshaller.Parse(both.AsSpan()));
    }

    [Fact]
    public void Parse_MultiSegmentPayload_EqualsGeneratedParser()
    {
        var bytes = FullBatch().ToByteArray();
        var first = new Segment(bytes.AsMemory(0, 100));
        var last = first.Append(bytes.AsMemory(100));

        var ours = BatchMarshaller.Parse(new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length));

        Assert.Equal(Batch.Parser.ParseFrom(bytes), ours);
    }

    [Fact]
    public void Parse_TruncatedMessage_ThrowsLikeGeneratedParser()
    {
        var bytes = FullBatch().ToByteArray()[..^10];

        Assert.Throws<InvalidProtocolBufferException>(() => Batch.Parser.ParseFrom(bytes));
        Assert.Throws<InvalidProtocolBufferException>(() => BatchMarshaller.Parse(bytes.AsSpan()));
    }

    [Property(MaxTest = 200)]
    public bool Parse_AnyImageBatch_EqualsGeneratedParser(ushort length, int epoch, byte skipped)
    {
        var batch = new Batch
        {
            Epoch = epoch,
            BatchIndex = -(long)epoch,
            Indices = Tensor(DType.Int64, 8 * (length % 7), length % 7),
            Image = new ImagePayload { Images = Tensor(DType.Uint8, length, length, 1, 1, 1) },
        };
        for (var i = 0; i < skipped % 4; i++)
        {
            batch.Skipped.Add(new SkippedSample { Index = i - 1, Reason = $"r{i}" });
        }
        var bytes = batch.ToByteArray();
        var ours = BatchMarshaller.Parse(new ReadOnlySequence<byte>(bytes));
        return ours.Equals(Batch.Parser.ParseFrom(bytes)) && ours.ToByteArray().AsSpan().SequenceEqual(bytes);
    }

    /// <summary>A batch with every field of the image payload set.</summary>
    internal static Batch FullBatch()
    {
        var batch = new Batch
        {
            Epoch = 3,
            BatchIndex = 17,
            Indices = Tensor(DType.Int64, 32, 4),
            Labels = Tensor(DType.Int64, 32, 4),
            Keys = Tensor(DType.Int64, 32, 4),
            EpochInfo = new EpochInfo { Epoch = 3, SampleCount = 10, ShardSampleCount = 5, BatchCount = 2, ClassCounts = { new ClassInfo { Label = 1, Name = "b", Count = 4 } } },
            Skipped = { new SkippedSample { Index = 9, Reason = "bad.png: truncated" } },
            Image = new ImagePayload
            {
                Images = Tensor(DType.Uint8, 4 * 5 * 6 * 3, 4, 5, 6, 3),
                Boxes = { new SampleBoxes { Boxes = Tensor(DType.Float32, 16, 1, 4), Labels = Tensor(DType.Int64, 8, 1) } },
            },
        };
        return batch;
    }

    private static Tensor Tensor(DType dtype, int bytes, params long[] shape)
    {
        var data = new byte[bytes];
        for (var i = 0; i < bytes; i++)
        {
            data[i] = (byte)(i * 7 + bytes);
        }
        var tensor = new Tensor { Dtype = dtype, Data = ByteString.CopyFrom(data) };
        tensor.Shape.Add(shape);
        return tensor;
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
