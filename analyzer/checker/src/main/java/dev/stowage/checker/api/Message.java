package dev.stowage.checker.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A finding's message as data: a {@link Template} and its arguments. The text is derived
 * ({@link #render()}), so a tool that moves a finding (the language server reusing a method's
 * findings after lines were inserted above it) moves its {@link Line} arguments and renders again,
 * instead of editing text.
 *
 * <pre>{@code
 * Message m = Message.of(Template.CAUSE_CALL, "store.grow(...)", growRange);
 * m.render();   // "'store.grow(...)' at line 14"
 * }</pre>
 */
public record Message(Template template, List<Arg> args) {

    public Message {
        args = List.copyOf(args);
        if (args.size() != template.arity()) {
            throw new IllegalArgumentException(template + " takes " + template.arity() + " arguments, got " + args.size());
        }
    }

    /** One argument of a template. */
    public sealed interface Arg permits Text, Line, Part {
        String render();
    }

    /** Words quoted from the source or chosen by the checker. */
    public record Text(String value) implements Arg {
        @Override
        public String render() {
            return value;
        }
    }

    /** The line of a place in the source: rendered as its 1-based line number. */
    public record Line(SourceRange at) implements Arg {
        @Override
        public String render() {
            return Integer.toString(at.startLine());
        }
    }

    /** A clause that is itself a template (an origin "(resolved from 'store' at line 12)"). */
    public record Part(Message message) implements Arg {
        @Override
        public String render() {
            return message.render();
        }
    }

    /** A message from plain values: a {@link String} is {@link Text}, a {@link SourceRange} a {@link Line}, a {@link Message} a {@link Part}. */
    public static Message of(Template template, Object... args) {
        List<Arg> out = new ArrayList<>(args.length);
        for (Object a : args) {
            out.add(switch (a) {
                case Arg arg -> arg;
                case String s -> new Text(s);
                case SourceRange r -> new Line(r);
                case Message m -> new Part(m);
                case null -> new Text("");
                default -> throw new IllegalArgumentException("not a message argument: " + a);
            });
        }
        return new Message(template, out);
    }

    /** The text: the template's pattern with {@code {n}} replaced by argument n. */
    public String render() {
        String pattern = template.pattern();
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' && i + 2 < pattern.length() && Character.isDigit(pattern.charAt(i + 1)) && pattern.charAt(i + 2) == '}') {
                out.append(args.get(pattern.charAt(i + 1) - '0').render());
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The same message with every {@link Line} place mapped; {@code null} when {@code map} returns
     * {@code null} for one (a place that cannot be followed).
     */
    public Message mapPlaces(UnaryOperator<SourceRange> map) {
        List<Arg> out = new ArrayList<>(args.size());
        for (Arg a : args) {
            Arg mapped = switch (a) {
                case Text t -> t;
                case Line l -> {
                    SourceRange r = map.apply(l.at());
                    yield r == null ? null : new Line(r);
                }
                case Part p -> {
                    Message m = p.message().mapPlaces(map);
                    yield m == null ? null : new Part(m);
                }
            };
            if (mapped == null) {
                return null;
            }
            out.add(mapped);
        }
        return new Message(template, out);
    }

    @Override
    public String toString() {
        return render();
    }
}
