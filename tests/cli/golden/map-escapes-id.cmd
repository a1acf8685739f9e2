printf '%s\n' 'id: "<bed 4> & \"Smith\""' 'sensory: [{region: saddle, status: absent}]' | $RADLOC map -o - | xmllint --xpath 'string(//*[local-name()="title"][1])' -
