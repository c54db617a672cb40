package dev.stowage.gate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the class and method around a position of a Java source, e.g.
 * {@code class Inventory.method restock(Store,long)}, without a parser: a small lexer follows
 * braces (skipping strings, text blocks, chars and comments) and reads the declaration header in
 * front of each block. Baseline fingerprints use it instead of line numbers, so that a finding
 * keeps its fingerprint when unrelated code above it moves.
 *
 * <pre>{@code
 * EnclosingMember.at("class A { void f(int x) { g(); } }", 27);   // "class A.method f(int)"
 * }</pre>
 *
 * <p>It is a heuristic: a header it cannot classify (blocks of {@code if}, {@code try}, lambdas,
 * initializers) simply adds nothing to the name.
 */
public final class EnclosingMember {

    private static final Pattern TYPE_DECLARATION =
            Pattern.compile("\\b(class|interface|enum|record)\\s+([A-Za-z_$][\\w$]*)");
    private static final Pattern ANONYMOUS_CLASS = Pattern.compile("\\bnew\\s+([\\w$.]+)\\s*(<[^()]*>)?\\s*\\(.*\\)$");
    private static final Pattern METHOD =
            Pattern.compile("([A-Za-z_$][\\w$]*)\\s*\\((.*)\\)(\\s*throws\\s+[\\w$.,\\s<>]+)?$");
    private static final Set<String> NOT_A_METHOD = Set.of(
            "if", "for", "while", "switch", "catch", "synchronized", "try", "do", "else", "return", "new",
            "case", "when", "yield", "throw", "assert");

    private EnclosingMember() {}

    /** The enclosing type and method names at {@code offset}, outermost first, joined by '.'. */
    public static String at(String source, int offset) {
        Deque<String> blocks = new ArrayDeque<>();   // each open '{': its summary, or "" when none
        int headerStart = 0;
        int parenDepth = 0;
        int end = Math.min(offset, source.length());
        int i = 0;
        while (i < end) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < source.length() && source.charAt(i + 1) == '/') {
                i = skipTo(source, i, "\n");
                continue;
            }
            if (c == '/' && i + 1 < source.length() && source.charAt(i + 1) == '*') {
                i = skipTo(source, i + 2, "*/");
                continue;
            }
            if (c == '"') {
                i = source.startsWith("\"\"\"", i) ? skipTo(source, i + 3, "\"\"\"") : skipQuoted(source, i, '"');
                continue;
            }
            if (c == '\'') {
                i = skipQuoted(source, i, '\'');
                continue;
            }
            switch (c) {
                case '(' -> parenDepth++;
                case ')' -> parenDepth = Math.max(0, parenDepth - 1);
                case ';' -> {
                    if (parenDepth == 0) {
                        headerStart = i + 1;
                    }
                }
                case '{' -> {
                    blocks.push(summarize(stripComments(source.substring(headerStart, i))));
                    headerStart = i + 1;
                    parenDepth = 0;
                }
                case '}' -> {
                    if (!blocks.isEmpty()) {
                        blocks.pop();
                    }
                    headerStart = i + 1;
                    parenDepth = 0;
                }
                default -> { }
            }
            i++;
        }
        List<String> names = new ArrayList<>();
        blocks.descendingIterator().forEachRemaining(summary -> {
            if (!summary.isEmpty()) {
                names.add(summary);
            }
        });
        return String.join(".", names);
    }

    /** "class Name", "new Type", "method name(Type,Type)" or "" for any other block. */
    static String summarize(String header) {
        String text = header.replaceAll("\\s+", " ").strip();
        text = text.replaceAll("@[\\w$.]+(\\s*\\([^()]*\\))?\\s*", "");   // annotations
        if (text.isEmpty() || text.endsWith("->")) {
            return "";
        }
        String firstWord = text.split("[^\\w$]", 2)[0];
        if (NOT_A_METHOD.contains(firstWord) || firstWord.equals("finally") || (firstWord.equals("static")
                && text.equals("static"))) {
            return "";   // control flow (try-with-resources, for, if, …) or an initializer block
        }
        Matcher type = TYPE_DECLARATION.matcher(text);
        if (type.find() && !text.contains("->")) {
            return type.group(1) + " " + type.group(2);
        }
        Matcher anonymous = ANONYMOUS_CLASS.matcher(text);
        if (anonymous.find()) {
            return "new " + anonymous.group(1);
        }
        Matcher method = METHOD.matcher(text);
        if (method.find() && !NOT_A_METHOD.contains(method.group(1)) && !text.contains("=") && !text.contains("->")) {
            String before = text.substring(0, method.start()).strip();
            if (before.endsWith(".") || before.endsWith("new")) {
                return "";   // a call followed by a block, not a declaration
            }
            return "method " + method.group(1) + "(" + parameterTypes(method.group(2)) + ")";
        }
        return "";
    }

    private static String parameterTypes(String parameters) {
        if (parameters.isBlank()) {
            return "";
        }
        List<String> types = new ArrayList<>();
        for (String parameter : splitTopLevel(parameters)) {
            String p = parameter.replaceAll("\\bfinal\\s+", "").strip();
            int lastSpace = p.lastIndexOf(' ');
            types.add((lastSpace > 0 ? p.substring(0, lastSpace) : p).replace(" ", ""));
        }
        return String.join(",", types);
    }

    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<' || c == '(' || c == '[') {
                depth++;
            } else if (c == '>' || c == ')' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static String stripComments(String text) {
        return text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
    }

    private static int skipTo(String source, int from, String terminator) {
        int found = source.indexOf(terminator, from);
        return found < 0 ? source.length() : found + terminator.length();
    }

    private static int skipQuoted(String source, int from, char quote) {
        int i = from + 1;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote || c == '\n') {
                return i + 1;
            }
            i++;
        }
        return i;
    }
}
