package dev.stowage.checker;

import dev.stowage.qual.Invalidates.Effect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Everything the checker knows about stores comes from here: it reads the contract annotations of
 * {@code dev.stowage.qual} on methods ({@code @Invalidates} with its capacity promises
 * {@code unlessReserved}/{@code unlessPresent}, {@code @Resolves}, {@code @Issues}, {@code @Leaks},
 * {@code @Reserves}, inherited from the methods they override) and the type qualifiers of store types
 * ({@code @Multiple}, {@code @Stable}, {@code @Pinned}, {@code @SharedStore}). It knows no store
 * class by name. Lookups are cached per element: one instance lives as long as one compilation.
 *
 * <p>Unannotated methods are assumed to invalidate nothing, with one exception: {@code close()}
 * (no parameters) on a type that has contracts is a {@code CLOSE} of the receiver, as
 * {@code AutoCloseable} implies.
 */
final class StoreContracts {

    static final String QUAL_PACKAGE = "dev.stowage.qual.";
    private static final String INVALIDATES = QUAL_PACKAGE + "Invalidates";
    private static final String INVALIDATES_LIST = QUAL_PACKAGE + "Invalidates.List";
    private static final String RESOLVES = QUAL_PACKAGE + "Resolves";
    private static final String ISSUES = QUAL_PACKAGE + "Issues";
    private static final String LEAKS = QUAL_PACKAGE + "Leaks";
    private static final String RESERVES = QUAL_PACKAGE + "Reserves";
    private static final String POLY_STORE = QUAL_PACKAGE + "PolyStore";
    private static final String ENSURES_PRESENT_IF = QUAL_PACKAGE + "EnsuresPresentIf";

    /**
     * One {@code @Invalidates}: target 0 is the receiver, n the n-th parameter; handleParam 0 is
     * none. {@code unlessReserved}: skipped (using one unit) while room reserved by a
     * {@code @Reserves} call remains; {@code unlessPresent}: the parameter holding a key whose
     * known presence in the object skips the effect (0: none).
     */
    record Invalidation(int target, Effect effect, int handleParam, boolean unlessReserved, int unlessPresent) {}

    /**
     * A method's contract; {@code resolvesOwner}/{@code issuesOwner} are -1 when absent;
     * {@code reservesParam} is the parameter of {@code @Reserves} (the count of elements the
     * receiver has room for afterwards), 0 when absent.
     */
    record Contract(List<Invalidation> invalidations, int resolvesOwner, int resolvesHandle, int issuesOwner, boolean leaks,
            int reservesParam) {
        static final Contract NONE = new Contract(List.of(), -1, 0, -1, false, 0);

        boolean isEmpty() {
            return invalidations.isEmpty() && resolvesOwner < 0 && issuesOwner < 0 && !leaks && reservesParam == 0;
        }

        boolean resolves() {
            return resolvesOwner >= 0;
        }

        boolean issues() {
            return issuesOwner >= 0;
        }
    }

    private final Elements elements;
    private final Types types;
    private final Map<ExecutableElement, Contract> contracts = new HashMap<>();
    private final Map<TypeElement, Boolean> contractTypes = new HashMap<>();
    private final Map<TypeElement, Boolean> storeLikeTypes = new HashMap<>();

    StoreContracts(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    Types types() {
        return types;
    }

    /** The contract of a method or constructor, its own annotations first, else those of what it overrides. */
    Contract of(ExecutableElement method) {
        Contract cached = contracts.get(method);
        if (cached != null) {
            return cached;
        }
        Contract c = read(method);
        if (c.isEmpty()) {
            for (ExecutableElement overridden : overridden(method)) {
                c = read(overridden);
                if (!c.isEmpty()) {
                    break;
                }
            }
        }
        if (c.isEmpty() && isImplicitClose(method)) {
            c = new Contract(List.of(new Invalidation(0, Effect.CLOSE, 0, false, 0)), -1, 0, -1, false, 0);
        }
        contracts.put(method, c);
        return c;
    }

    private final Map<ExecutableElement, int[]> polyParams = new HashMap<>();

    /**
     * The parameters ({@code 1..n}) marked {@code @PolyStore}: the object the constructor creates, or
     * the method returns, has the guarantees of the arguments passed there (empty for most methods).
     */
    int[] polyStoreParams(ExecutableElement method) {
        int[] cached = polyParams.get(method);
        if (cached == null) {
            List<Integer> found = new ArrayList<>();
            var params = method.getParameters();
            for (int i = 0; i < params.size(); i++) {
                for (AnnotationMirror am : params.get(i).getAnnotationMirrors()) {
                    if (((TypeElement) am.getAnnotationType().asElement()).getQualifiedName().contentEquals(POLY_STORE)) {
                        found.add(i + 1);
                    }
                }
            }
            cached = found.stream().mapToInt(Integer::intValue).toArray();
            polyParams.put(method, cached);
        }
        return cached;
    }

    private final Map<ExecutableElement, int[]> presenceTests = new HashMap<>();

    /**
     * For a membership test ({@code @EnsuresPresentIf}): {@code {key parameter (1..n), 1 if the key
     * is present when it returns true, else 0}}; an empty array for any other method.
     */
    int[] presenceTest(ExecutableElement method) {
        int[] cached = presenceTests.get(method);
        if (cached == null) {
            cached = new int[0];
            for (AnnotationMirror am : method.getAnnotationMirrors()) {
                if (((TypeElement) am.getAnnotationType().asElement()).getQualifiedName().contentEquals(ENSURES_PRESENT_IF)) {
                    int key = position((String) value(am, "key"), method);
                    if (key > 0) {
                        cached = new int[] {key, (Boolean) value(am, "result") ? 1 : 0};
                    }
                }
            }
            presenceTests.put(method, cached);
        }
        return cached;
    }

    /** {@code close()} on a type with contracts: the AutoCloseable drop, a CLOSE even when unannotated. */
    private boolean isImplicitClose(ExecutableElement method) {
        return method.getSimpleName().contentEquals("close")
                && method.getParameters().isEmpty()
                && !method.getModifiers().contains(Modifier.STATIC)
                && method.getEnclosingElement() instanceof TypeElement owner
                && isContractType(owner);
    }

    private Contract read(ExecutableElement method) {
        List<Invalidation> invalidations = new ArrayList<>();
        int resolvesOwner = -1;
        int resolvesHandle = 0;
        int issuesOwner = -1;
        boolean leaks = false;
        int reservesParam = 0;
        for (AnnotationMirror am : method.getAnnotationMirrors()) {
            String name = ((TypeElement) am.getAnnotationType().asElement()).getQualifiedName().toString();
            if (!name.startsWith(QUAL_PACKAGE)) {
                continue;
            }
            switch (name) {
                case INVALIDATES -> invalidations.add(invalidation(am, method));
                case INVALIDATES_LIST -> {
                    for (Object v : (List<?>) value(am, "value")) {
                        invalidations.add(invalidation((AnnotationMirror) ((AnnotationValue) v).getValue(), method));
                    }
                }
                case RESOLVES -> {
                    resolvesOwner = position((String) value(am, "value"), method);
                    resolvesHandle = Math.max(0, position((String) value(am, "handle"), method));
                }
                case ISSUES -> issuesOwner = position((String) value(am, "value"), method);
                case LEAKS -> leaks = true;
                case RESERVES -> reservesParam = Math.max(0, position((String) value(am, "value"), method));
                default -> { }
            }
        }
        if (invalidations.isEmpty() && resolvesOwner < 0 && issuesOwner < 0 && !leaks && reservesParam == 0) {
            return Contract.NONE;
        }
        return new Contract(List.copyOf(invalidations), resolvesOwner, resolvesHandle, issuesOwner, leaks, reservesParam);
    }

    private Invalidation invalidation(AnnotationMirror am, ExecutableElement method) {
        int target = Math.max(0, position((String) value(am, "value"), method));
        Effect effect = Effect.valueOf(((VariableElement) value(am, "effect")).getSimpleName().toString());
        int handle = Math.max(0, position((String) value(am, "handle"), method));
        boolean unlessReserved = (Boolean) value(am, "unlessReserved");
        int unlessPresent = Math.max(0, position((String) value(am, "unlessPresent"), method));
        return new Invalidation(target, effect, handle, unlessReserved, unlessPresent);
    }

    private Object value(AnnotationMirror am, String name) {
        for (var e : elements.getElementValuesWithDefaults(am).entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(name)) {
                return e.getValue().getValue();
            }
        }
        throw new IllegalStateException("annotation " + am + " has no element '" + name + "'");
    }

    /**
     * {@code "this"} is 0, {@code "#n"} is n; empty is -1. A position the method does not have is
     * -1 too (the contract is ignored rather than crashing on a typo; the method's own
     * declaration is where such a typo would be reported).
     */
    static int position(String spec, ExecutableElement method) {
        if (spec == null || spec.isEmpty()) {
            return -1;
        }
        if (spec.equals("this")) {
            return 0;
        }
        if (spec.startsWith("#")) {
            try {
                int n = Integer.parseInt(spec.substring(1));
                return n >= 1 && n <= method.getParameters().size() ? n : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    private List<ExecutableElement> overridden(ExecutableElement method) {
        if (method.getKind() != ElementKind.METHOD || method.getModifiers().contains(Modifier.STATIC)
                || !(method.getEnclosingElement() instanceof TypeElement owner)) {
            return List.of();
        }
        List<ExecutableElement> result = new ArrayList<>();
        collectOverridden(method, owner, owner.asType(), result, new java.util.HashSet<>());
        return result;
    }

    private void collectOverridden(ExecutableElement method, TypeElement owner, TypeMirror type,
            List<ExecutableElement> out, java.util.Set<Element> seen) {
        for (TypeMirror sup : types.directSupertypes(type)) {
            if (!(sup instanceof DeclaredType dt) || !(dt.asElement() instanceof TypeElement te) || !seen.add(te)) {
                continue;
            }
            for (ExecutableElement candidate : ElementFilter.methodsIn(te.getEnclosedElements())) {
                if (candidate.getSimpleName().equals(method.getSimpleName())
                        && candidate.getParameters().size() == method.getParameters().size()
                        && elements.overrides(method, candidate, owner)) {
                    out.add(candidate);
                }
            }
            collectOverridden(method, owner, sup, out, seen);
        }
    }

    /** True for a type whose methods (or whose supertypes' methods) carry contracts, or which carries a store qualifier. */
    boolean isContractType(TypeElement type) {
        Boolean cached = contractTypes.get(type);
        if (cached != null) {
            return cached;
        }
        contractTypes.put(type, false); // cycles through supertypes end here
        boolean result = hasQualAnnotation(type);
        if (!result) {
            for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
                if (hasQualAnnotation(m)) {
                    result = true;
                    break;
                }
            }
        }
        if (!result) {
            for (TypeMirror sup : types.directSupertypes(type.asType())) {
                if (sup instanceof DeclaredType dt && dt.asElement() instanceof TypeElement te && isContractType(te)) {
                    result = true;
                    break;
                }
            }
        }
        contractTypes.put(type, result);
        return result;
    }

    boolean isContractType(TypeMirror type) {
        TypeElement te = typeElement(type);
        return te != null && isContractType(te);
    }

    /**
     * A store-like type owns memory itself (it has a method that issues {@code long} handles or
     * resolves a handle parameter); other contract types (boxes, collections) keep theirs in a store.
     */
    boolean isStoreLike(TypeElement type) {
        Boolean cached = storeLikeTypes.get(type);
        if (cached != null) {
            return cached;
        }
        storeLikeTypes.put(type, false);
        boolean result = false;
        for (ExecutableElement m : ElementFilter.methodsIn(elements.getAllMembers(type))) {
            Contract c = of(m);
            if ((c.issues() && m.getReturnType().getKind().isPrimitive()) || (c.resolves() && c.resolvesHandle() > 0)) {
                result = true;
                break;
            }
        }
        storeLikeTypes.put(type, result);
        return result;
    }

    boolean isStoreLike(TypeMirror type) {
        TypeElement te = typeElement(type);
        return te != null && isStoreLike(te);
    }

    static TypeElement typeElement(TypeMirror type) {
        if (type != null && type.getKind() == TypeKind.DECLARED && ((DeclaredType) type).asElement() instanceof TypeElement te) {
            return te;
        }
        return null;
    }

    private static boolean hasQualAnnotation(Element e) {
        for (AnnotationMirror am : e.getAnnotationMirrors()) {
            if (((TypeElement) am.getAnnotationType().asElement()).getQualifiedName().toString().startsWith(QUAL_PACKAGE)) {
                return true;
            }
        }
        return false;
    }

    /** The guarantees a type states: qualifiers written on this use of the type, and on its class declaration. */
    Quals qualsOf(TypeMirror type) {
        Quals q = fromAnnotations(type == null ? List.of() : type.getAnnotationMirrors());
        TypeElement te = typeElement(type);
        return te == null ? q : q.join(fromAnnotations(te.getAnnotationMirrors()));
    }

    static Quals fromAnnotations(List<? extends AnnotationMirror> annotations) {
        boolean multiple = false, stable = false, pinned = false, shared = false;
        for (AnnotationMirror am : annotations) {
            String name = ((TypeElement) am.getAnnotationType().asElement()).getQualifiedName().toString();
            switch (name) {
                case "dev.stowage.qual.Multiple", "dev.stowage.checker.qual.MultipleHandles" -> multiple = true;
                case "dev.stowage.qual.Stable", "dev.stowage.checker.qual.StableMemory" -> stable = true;
                case "dev.stowage.qual.Pinned", "dev.stowage.checker.qual.PinnedMemory" -> pinned = true;
                case "dev.stowage.qual.SharedStore", "dev.stowage.checker.qual.SharedMember" -> shared = true;
                default -> { }
            }
        }
        return new Quals(multiple, stable, pinned, shared);
    }

    /** True when the effect, on an object with these guarantees, makes anything stale that a caller may hold. */
    static boolean invalidatesAnything(Effect effect, Quals q) {
        return switch (effect) {
            case ALLOCATE -> !(q.multiple() && q.stable());
            case RELOCATE -> !q.pinned();
            default -> true;
        };
    }
}
