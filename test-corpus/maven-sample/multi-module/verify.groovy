// The reactor's build failed in the app module, for the right reason, at the right line; core compiled.
def source = new File(basedir, 'app/src/main/java/sample/app/Restock.java').readLines()
def expectedLine = source.findIndexOf { it.contains('counts.set(JAVA_LONG, 0, count);') } + 1
assert expectedLine > 0 : 'the sample lost its buggy line'
def log = new File(basedir, 'build.log').text
def matcher = log =~ /(?m)^\[ERROR\] .*app[\/\\]Restock\.java:\[(\d+),(\d+)\].*\[pointer\.stale\].*$/
assert matcher.find() : "no [pointer.stale] error for Restock.java in build.log:\n" + log
assert matcher.group(1).toInteger() == expectedLine : "[pointer.stale] at line ${matcher.group(1)}, expected ${expectedLine}"
assert new File(basedir, 'core/target/classes/sample/core/Tables.class').isFile() : 'core was not compiled'
assert !(log =~ /cannot find symbol|package .* does not exist/) : 'the build failed for another reason:\n' + log

// `stowage check .` at the reactor's root: both modules, each with its own classpath (app sees
// core's sources), paths relative to the root, one Maven run, the same finding as the build.
def gate = new GroovyShell().parse(new File(samplesDirectory, 'gate-check.groovy')).runGate(new File(gateJar), basedir, localRepositoryPath)
assert gate[0] == 1 : "stowage check exited ${gate[0]}, expected 1:\n${gate[1]}"
assert gate[1].contains("app/src/main/java/sample/app/Restock.java:${expectedLine}:") && gate[1].contains('error: [pointer.stale]') :
        "stowage check did not report the finding:\n${gate[1]}"
assert gate[1].contains('1 finding in 2 files checked') : gate[1]
assert gate[1].contains('running Maven (mvn, sanitized') && gate[1].contains('3 modules ., core, app') : gate[1]
return true
