package dev.stowage.corpus;

import dev.stowage.store.CheckedStore;
import dev.stowage.store.Store;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Runs a scenario's {@code run} method with {@code CheckedStore}s over new stores of the kinds its
 * {@code // run-with:} directive names, and reports what it threw (if anything).
 *
 * <p>Before running, it checks that each store parameter's qualifiers are exactly those of the
 * store class it will get (read from the class, as the checker and {@code CheckedStore} read them),
 * so a scenario cannot claim guarantees the store does not have.
 */
final class ScenarioRunner {

    private static final String QUALIFIER_PACKAGE = "dev.stowage.qual";

    private ScenarioRunner() {}

    /** How a run ended: {@code thrown} is null when {@code run} returned normally. */
    record Outcome(Throwable thrown) {}

    static Outcome run(Scenario scenario) throws ReflectiveOperationException {
        Class<?> type = Class.forName(scenario.className());
        Method run = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals("run") && Modifier.isStatic(m.getModifiers()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(scenario.relativePath()
                        + " says '// run-with:' but has no public static run(...) method"));
        Class<?>[] parameters = run.getParameterTypes();
        AnnotatedType[] annotated = run.getAnnotatedParameterTypes();
        Object[] arguments = new Object[parameters.length];
        List<Store> opened = new ArrayList<>();
        int nextStore = 0;
        int nextArg = 0;
        try {
            for (int i = 0; i < parameters.length; i++) {
                if (Store.class.isAssignableFrom(parameters[i])) {
                    if (nextStore >= scenario.runWith().size()) {
                        throw new IllegalArgumentException(scenario.relativePath() + ": run(...) takes more stores than '// run-with: "
                                + String.join(", ", scenario.runWith()) + "' names");
                    }
                    String kind = scenario.runWith().get(nextStore++);
                    Store inner = StoreKinds.create(kind);
                    requireSameQualifiers(scenario, i, annotated[i], inner.getClass());
                    CheckedStore checked = new CheckedStore(inner);
                    opened.add(checked);
                    if (!parameters[i].isInstance(checked)) {
                        throw new IllegalArgumentException(scenario.relativePath() + ": parameter " + (i + 1) + " of run is a "
                                + parameters[i].getSimpleName() + ", which CheckedStore is not");
                    }
                    arguments[i] = checked;
                } else {
                    if (nextArg >= scenario.runArgs().size()) {
                        throw new IllegalArgumentException(scenario.relativePath() + ": parameter " + (i + 1) + " of run ("
                                + parameters[i].getSimpleName() + ") needs a value in '// run-args:'");
                    }
                    arguments[i] = parse(scenario, scenario.runArgs().get(nextArg++), parameters[i]);
                }
            }
            if (nextStore != scenario.runWith().size() || nextArg != scenario.runArgs().size()) {
                throw new IllegalArgumentException(scenario.relativePath() + ": the directives name " + scenario.runWith().size()
                        + " stores and " + scenario.runArgs().size() + " arguments, but run(...) takes " + nextStore + " and " + nextArg);
            }
            try {
                run.invoke(null, arguments);
                return new Outcome(null);
            } catch (InvocationTargetException e) {
                return new Outcome(e.getCause());
            }
        } finally {
            for (Store store : opened) {
                store.close(); // closing twice does nothing; scenarios may have closed it already
            }
        }
    }

    private static void requireSameQualifiers(Scenario scenario, int index, AnnotatedType parameter, Class<?> storeClass) {
        Set<String> declared = qualifiers(parameter.getAnnotations());
        Set<String> actual = qualifiers(storeClass.getAnnotations());
        if (!declared.equals(actual)) {
            throw new IllegalArgumentException(scenario.relativePath() + ": parameter " + (index + 1) + " of run is declared "
                    + declared + " but runs with a " + storeClass.getSimpleName() + ", which is " + actual
                    + ": the scenario must state the guarantees of the store it names");
        }
    }

    private static Set<String> qualifiers(Annotation[] annotations) {
        return Arrays.stream(annotations)
                .map(a -> a.annotationType())
                .filter(t -> t.getPackageName().equals(QUALIFIER_PACKAGE))
                .filter(ScenarioRunner::isTypeQualifier) // not the class-level contracts (@Persistent), which no parameter can carry
                .map(t -> "@" + t.getSimpleName())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean isTypeQualifier(Class<? extends Annotation> type) {
        java.lang.annotation.Target target = type.getAnnotation(java.lang.annotation.Target.class);
        return target != null && Arrays.asList(target.value()).contains(java.lang.annotation.ElementType.TYPE_USE);
    }

    private static Object parse(Scenario scenario, String value, Class<?> type) {
        try {
            if (type == boolean.class) {
                if (!value.equals("true") && !value.equals("false")) throw new NumberFormatException(value);
                return Boolean.parseBoolean(value);
            }
            if (type == int.class) return Integer.parseInt(value);
            if (type == long.class) return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(scenario.relativePath() + ": '" + value + "' in '// run-args:' is no " + type);
        }
        throw new IllegalArgumentException(scenario.relativePath() + ": run(...) has a parameter of type " + type
                + "; '// run-args:' supports boolean, int and long");
    }
}
