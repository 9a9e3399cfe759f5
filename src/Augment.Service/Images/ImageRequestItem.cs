using Augment.Contracts.V1;
using Augment.Core.Pipelines;

namespace Augment.Service.Images;

/// <summary>One AugmentImages request with the pipeline in force for it.</summary>
internal sealed record ImageRequestItem(AugmentImagesRequest Request, ImagePipeline Pipeline);
