using System;
using System.Collections.Generic;
using Microsoft.Msagl.Core.Geometry;
using Microsoft.Msagl.Core.Geometry.Curves;
using Microsoft.Msagl.Core.Layout;
using Microsoft.Msagl.Core.Routing;
using Microsoft.Msagl.Layout.Layered;
using Microsoft.Msagl.Miscellaneous;

namespace PSRemoteLinks.GraphLayout
{
    /// <summary>
    /// Places boxes in layers (Sugiyama, as dependency graphs are usually drawn: arrows run one way, top to bottom)
    /// and routes each arrow as a spline around the boxes, with room for its label. Unconnected parts are packed
    /// side by side. MSAGL's y axis points up; everything handed back is in screen coordinates.
    /// </summary>
    public static class LayeredLayout
    {
        /// <summary>Rounding of the box corners; the drawing must use the same so arrows meet the boxes it draws.</summary>
        public const double CornerRadius = 6;

        private const double Margin = 12;
        private const int CurveSamples = 16;

        public static LaidOutGraph Arrange(IReadOnlyList<BoxSize> boxes, IReadOnlyList<ArrowRequest> arrows)
        {
            if (boxes == null)
            {
                throw new ArgumentNullException(nameof(boxes));
            }

            if (arrows == null)
            {
                throw new ArgumentNullException(nameof(arrows));
            }

            if (boxes.Count == 0)
            {
                return new LaidOutGraph(2 * Margin, 2 * Margin, Array.Empty<PlacedBox>(), Array.Empty<PlacedArrow>());
            }

            var graph = new GeometryGraph();
            var nodes = new Node[boxes.Count];
            for (var i = 0; i < boxes.Count; i++)
            {
                nodes[i] = new Node(CurveFactory.CreateRectangleWithRoundedCorners(boxes[i].Width, boxes[i].Height, CornerRadius, CornerRadius, new Point(0, 0)));
                graph.Nodes.Add(nodes[i]);
            }

            var edges = new Edge[arrows.Count];
            for (var i = 0; i < arrows.Count; i++)
            {
                var arrow = arrows[i];
                var edge = new Edge(nodes[arrow.From], nodes[arrow.To]);
                edge.EdgeGeometry.TargetArrowhead = new Arrowhead();
                if (arrow.LabelWidth > 0 && arrow.LabelHeight > 0)
                {
                    edge.Label = new Label(arrow.LabelWidth, arrow.LabelHeight, edge);
                }

                edges[i] = edge;
                graph.Edges.Add(edge);
            }

            var settings = new SugiyamaLayoutSettings { NodeSeparation = 30, LayerSeparation = 60 };
            settings.EdgeRoutingSettings.EdgeRoutingMode = EdgeRoutingMode.SugiyamaSplines;
            LayoutHelpers.CalculateLayout(graph, settings, null);

            var bounds = Bounds(graph, edges);
            Func<Point, ScreenPoint> toScreen = p => new ScreenPoint(p.X - bounds.Left + Margin, bounds.Top - p.Y + Margin);

            var placedBoxes = new PlacedBox[nodes.Length];
            for (var i = 0; i < nodes.Length; i++)
            {
                var box = nodes[i].BoundingBox;
                var topLeft = toScreen(box.LeftTop);
                placedBoxes[i] = new PlacedBox(topLeft.X, topLeft.Y, box.Width, box.Height);
            }

            var placedArrows = new PlacedArrow[edges.Length];
            for (var i = 0; i < edges.Length; i++)
            {
                placedArrows[i] = Place(edges[i], toScreen);
            }

            return new LaidOutGraph(bounds.Width + 2 * Margin, bounds.Height + 2 * Margin, placedBoxes, placedArrows);
        }

        private static Rectangle Bounds(GeometryGraph graph, IEnumerable<Edge> edges)
        {
            var bounds = graph.Nodes[0].BoundingBox;
            foreach (var node in graph.Nodes)
            {
                bounds.Add(node.BoundingBox);
            }

            foreach (var edge in edges)
            {
                if (edge.Curve != null)
                {
                    bounds.Add(edge.Curve.BoundingBox);
                }

                if (edge.EdgeGeometry.TargetArrowhead != null)
                {
                    bounds.Add(edge.EdgeGeometry.TargetArrowhead.TipPosition);
                }

                if (edge.Label != null)
                {
                    bounds.Add(edge.Label.BoundingBox);
                }
            }

            return bounds;
        }

        private static PlacedArrow Place(Edge edge, Func<Point, ScreenPoint> toScreen)
        {
            var pieces = new List<PathPiece>();
            var curve = edge.Curve;
            if (curve == null)
            {
                // Not expected from the layered router; a straight line between the centres still shows the link.
                curve = new LineSegment(edge.Source.Center, edge.Target.Center);
            }

            AddPieces(curve, pieces, toScreen);
            var headBase = curve.End;
            var tip = edge.EdgeGeometry.TargetArrowhead?.TipPosition ?? curve.End;
            var labelCenter = edge.Label?.Center ?? curve[(curve.ParStart + curve.ParEnd) / 2];
            return new PlacedArrow(pieces, toScreen(headBase), toScreen(tip), toScreen(labelCenter));
        }

        private static void AddPieces(ICurve curve, List<PathPiece> pieces, Func<Point, ScreenPoint> toScreen)
        {
            switch (curve)
            {
                case Curve composite:
                    foreach (var segment in composite.Segments)
                    {
                        AddPieces(segment, pieces, toScreen);
                    }

                    break;
                case LineSegment line:
                    pieces.Add(Line(toScreen(line.Start), toScreen(line.End)));
                    break;
                case CubicBezierSegment bezier:
                    pieces.Add(new PathPiece(toScreen(bezier.B(0)), toScreen(bezier.B(1)), toScreen(bezier.B(2)), toScreen(bezier.B(3)), isCurve: true));
                    break;
                case Polyline polyline:
                    Point? previous = null;
                    foreach (var point in polyline)
                    {
                        if (previous is Point from)
                        {
                            pieces.Add(Line(toScreen(from), toScreen(point)));
                        }

                        previous = point;
                    }

                    break;
                default:
                    // Arcs and anything else: short straight pieces along the curve.
                    var step = (curve.ParEnd - curve.ParStart) / CurveSamples;
                    for (var i = 0; i < CurveSamples; i++)
                    {
                        pieces.Add(Line(toScreen(curve[curve.ParStart + i * step]), toScreen(curve[curve.ParStart + (i + 1) * step])));
                    }

                    break;
            }
        }

        private static PathPiece Line(ScreenPoint from, ScreenPoint to) => new PathPiece(from, from, to, to, isCurve: false);
    }
}
