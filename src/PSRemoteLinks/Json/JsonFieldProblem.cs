using System.Text.Json;

namespace PSRemoteLinks.Json
{
    /// <summary>
    /// What a converter found wrong with one value, in words for a person ("is out of range for a 64-bit id").
    /// System.Text.Json adds the field's path to it on the way out; <c>JsonProblems</c> turns both into the message.
    /// </summary>
    internal sealed class JsonFieldProblem : JsonException
    {
        public JsonFieldProblem(string problem)
            : base(problem)
        {
            Problem = problem;
        }

        public string Problem { get; }
    }
}
