//! `newsextract`: the command-line tool.

use std::io::Read;

fn main() {
    let mut text = String::new();
    let _ = std::io::stdin().read_to_string(&mut text);
    println!("{}", newsextract::extract(&text).to_json());
}
