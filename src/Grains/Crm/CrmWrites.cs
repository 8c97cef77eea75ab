namespace Campaigns.Crm;

/// <summary>How a write of a contact ended, as data; <see cref="CrmGrain"/> phrases the answer.</summary>
public enum ContactWrite
{
    Written,
    NotFound,
    CompanyMissing,
    TelegramIdTaken,
    EmailTaken,
    TooManyAttributes,
}

/// <summary>How a write of a lead ended, as data; <see cref="CrmGrain"/> phrases the answer.</summary>
public enum LeadWrite
{
    Created,

    /// <summary>The contact already had a lead in the pipeline; it is answered unchanged.</summary>
    Existing,
    Moved,
    NotFound,
    ContactMissing,
    PipelineMissing,
    StageMissing,
    StageNotInPipeline,
}

/// <summary>How a write of a pipeline ended, as data; <see cref="CrmGrain"/> phrases the answer.</summary>
public enum PipelineWrite
{
    Written,
    NotFound,

    /// <summary>A listed stage id is not a stage of the pipeline (<see cref="PipelineUpdate.StageIndex"/> says which).</summary>
    UnknownStage,

    /// <summary>A stage the change would remove holds leads.</summary>
    StageHoldsLeads,

    /// <summary>The pipeline holds leads, so it is not deleted.</summary>
    HoldsLeads,
}

/// <summary>The outcome of a pipeline update, with the pipeline when written and the refused stage's index otherwise.</summary>
public readonly record struct PipelineUpdate(PipelineWrite Outcome, PipelineView? Pipeline = null, int StageIndex = -1);
