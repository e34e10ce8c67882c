using System;

namespace PSRemoteLinks.Tracker
{
    /// <summary>
    /// Tracker sends a status as <c>{key, display}</c> with no category (reference: search-api.md §5), so the category is
    /// read from the keys of Tracker's standard workflows. A queue's own status keys are unknown to us: null, not a guess.
    /// </summary>
    internal static class TrackerStatusCategories
    {
        public static StatusCategory? FromKey(string? key)
        {
            switch (key?.Trim().ToLowerInvariant())
            {
                case "open":
                case "new":
                case "needinfo":
                case "backlog":
                case "selectedfordev":
                    return StatusCategory.ToDo;
                case "inprogress":
                case "inreview":
                case "testing":
                case "needacceptance":
                case "readyfortest":
                case "tested":
                case "paused":
                    return StatusCategory.InProgress;
                case "closed":
                case "resolved":
                case "cancelled":
                case "canceled":
                case "done":
                case "released":
                    return StatusCategory.Done;
                default:
                    return null;
            }
        }
    }
}
