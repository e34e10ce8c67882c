namespace PSRemoteLinks.Jira
{
    /// <summary>Jira's <c>status.statusCategory.key</c> as a <see cref="StatusCategory"/>; <c>undefined</c> ("No Category") and unknown keys are null.</summary>
    internal static class JiraStatusCategories
    {
        public static StatusCategory? FromKey(string? key)
        {
            switch (key)
            {
                case "new": return StatusCategory.ToDo;
                case "indeterminate": return StatusCategory.InProgress;
                case "done": return StatusCategory.Done;
                default: return null;
            }
        }
    }
}
