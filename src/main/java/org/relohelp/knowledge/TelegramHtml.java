package org.relohelp.knowledge;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.relohelp.chat.Html;

/**
 * Markdown (parsed by commonmark) to the small HTML subset Telegram accepts: b, i, a, code, pre.
 * Lists become "•"/"1." lines, headings bold lines; raw HTML in a file is shown as text, never passed on.
 * Tags never span a blank line, so a long message can be split at paragraph boundaries.
 */
final class TelegramHtml {

    private static final Parser PARSER = Parser.builder().build();

    private TelegramHtml() {
    }

    static String fromMarkdown(String markdown) {
        Writer writer = new Writer();
        PARSER.parse(markdown).accept(writer);
        return writer.out.toString().strip();
    }

    private static final class Writer extends AbstractVisitor {
        private final StringBuilder out = new StringBuilder();
        private int listDepth;

        @Override
        public void visit(Paragraph paragraph) {
            visitChildren(paragraph);
            endBlock(paragraph);
        }

        @Override
        public void visit(Heading heading) {
            out.append("<b>");
            visitChildren(heading);
            out.append("</b>");
            endBlock(heading);
        }

        @Override
        public void visit(BulletList list) {
            listDepth++;
            visitChildren(list);
            listDepth--;
            endBlock(list);
        }

        @Override
        public void visit(OrderedList list) {
            listDepth++;
            int number = list.getMarkerStartNumber() == null ? 1 : list.getMarkerStartNumber();
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                writeItem(item, number++ + ". ");
            }
            listDepth--;
            endBlock(list);
        }

        @Override
        public void visit(ListItem item) {
            writeItem(item, "• ");
        }

        private void writeItem(Node item, String marker) {
            out.append("  ".repeat(listDepth - 1)).append(marker);
            for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof Paragraph) {
                    visitChildren(child);
                    out.append('\n');
                } else {
                    child.accept(this);
                }
            }
        }

        @Override
        public void visit(BlockQuote quote) {
            visitChildren(quote);
        }

        @Override
        public void visit(Text text) {
            out.append(Html.escape(text.getLiteral()));
        }

        @Override
        public void visit(Emphasis emphasis) {
            wrap("i", emphasis);
        }

        @Override
        public void visit(StrongEmphasis strong) {
            wrap("b", strong);
        }

        @Override
        public void visit(Code code) {
            out.append("<code>").append(Html.escape(code.getLiteral())).append("</code>");
        }

        @Override
        public void visit(FencedCodeBlock block) {
            out.append("<pre>").append(Html.escape(block.getLiteral().strip())).append("</pre>");
            endBlock(block);
        }

        @Override
        public void visit(IndentedCodeBlock block) {
            out.append("<pre>").append(Html.escape(block.getLiteral().strip())).append("</pre>");
            endBlock(block);
        }

        @Override
        public void visit(Link link) {
            String url = link.getDestination();
            if (url != null && url.matches("(?i)https?://\\S+")) {
                out.append("<a href=\"").append(Html.escape(url)).append("\">");
                visitChildren(link);
                out.append("</a>");
            } else {
                visitChildren(link);
            }
        }

        @Override
        public void visit(SoftLineBreak lineBreak) {
            out.append(' ');
        }

        @Override
        public void visit(HardLineBreak lineBreak) {
            out.append('\n');
        }

        @Override
        public void visit(ThematicBreak thematicBreak) {
            out.append("———");
            endBlock(thematicBreak);
        }

        @Override
        public void visit(HtmlInline html) {
            out.append(Html.escape(html.getLiteral()));
        }

        @Override
        public void visit(HtmlBlock html) {
            out.append(Html.escape(html.getLiteral().strip()));
            endBlock(html);
        }

        private void wrap(String tag, Node node) {
            out.append('<').append(tag).append('>');
            visitChildren(node);
            out.append("</").append(tag).append('>');
        }

        /** A blank line after a top-level block; inside list items a single line break suffices. */
        private void endBlock(Node block) {
            if (listDepth > 0 && block.getParent() instanceof ListItem) {
                return;
            }
            if (listDepth == 0) {
                while (out.length() > 0 && out.charAt(out.length() - 1) == '\n') {
                    out.setLength(out.length() - 1);
                }
                out.append("\n\n");
            }
        }
    }
}
