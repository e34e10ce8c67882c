namespace PSRemoteLinks
{
    /// <summary>
    /// Where a status stands in the work, the same on both services: Jira's <c>statusCategory.key</c>
    /// (<c>new</c>, <c>indeterminate</c>, <c>done</c>), or Tracker's status key read by <c>TrackerStatusCategories</c>.
    /// A property of this type is null where the service gives no category ("No Category", an unknown key).
    /// </summary>
    public enum StatusCategory
    {
        ToDo,
        InProgress,
        Done,
    }
}
