// The fixed build passed. Its pom is the buggy one's, processor and all, so the checker ran here too:
// the pass means the fix, not a missing checker.
def log = new File(basedir, 'build.log').text
assert new File(basedir, 'target/classes/sample/Inventory.class').isFile() : 'Inventory was not compiled'
assert !(log =~ /\[pointer\.stale\]/) : 'the fixed sample still has a finding:\n' + log
return true
