// The campaign resource has one request model, CampaignRequest, for create and patch. These names stay so the template
// (instantiate) and duplicate endpoints, which read the same resource, compile unchanged; new code says CampaignRequest.
global using CreateCampaignRequest = global::Campaigns.Api.Campaigns.CampaignRequest;
global using PatchCampaignRequest = global::Campaigns.Api.Campaigns.CampaignRequest;
